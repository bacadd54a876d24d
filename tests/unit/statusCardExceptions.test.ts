import { describe, expect, it } from '@jest/globals';
import { statusCard } from '../../api/cards/cards';
import { statusReport, type AgreedException } from '../../src/domain';

const report = statusReport({
  year: 2026,
  asOf: '2026-06-30',
  lines: [{ id: '1', year: 2026, kind: 'kostnad', category: 'aktivitet', name: 'Utbildningar', amountOre: 80_000_00 }],
  outcomes: [],
});
const exception = (n: number, extra: Partial<AgreedException> = {}): AgreedException => ({
  decisionId: String(100 + n),
  title: `Undantag ${n}`,
  text: 'Kostnaden bärs gemensamt.',
  decidedOn: '2026-04-22',
  organisations: ['Bjurholm'],
  ...extra,
});

describe('the bot’s lägesrapport card with "Överenskomna undantag" (#17)', () => {
  it('names each exception with its paragraph, kommuner and ceiling, never the decision id', () => {
    const json = JSON.stringify(
      statusCard(report, undefined, [
        exception(1, { paragraph: 4, organisations: ['Bjurholm', 'Dorotea'], ceilingOre: 12_500_00 }),
        exception(2),
      ]),
    );
    expect(json).toContain('Överenskomna undantag');
    expect(json).toContain('§ 4 Undantag 1');
    expect(json).toMatch(/Bjurholm, Dorotea; tak 12\s500,00\skr/u);
    expect(json).toContain('Bjurholm; inget tak');
    expect(json).not.toContain('101');
  });

  it('shows at most three and counts the rest; no section without exceptions', () => {
    const json = JSON.stringify(
      statusCard(
        report,
        undefined,
        [1, 2, 3, 4, 5].map((n) => exception(n)),
      ),
    );
    expect(json).toContain('Undantag 3');
    expect(json).not.toContain('Undantag 4');
    expect(json).toContain('och 2 till – öppna fliken');
    expect(JSON.stringify(statusCard(report))).not.toContain('Överenskomna undantag');
  });
});
