import { describe, expect, it } from '@jest/globals';
import { statusReportCsv } from '../../api/services/documents';
import { statusReport } from '../../src/domain';

const report = statusReport({
  year: 2026,
  asOf: '2026-06-30',
  lines: [{ id: '1', year: 2026, kind: 'kostnad', category: 'aktivitet', name: 'Utbildningar', amountOre: 80_000_00 }],
  outcomes: [],
});

describe('the lägesrapport CSV with "Överenskomna undantag" (#17)', () => {
  it('lists each exception under the report: decision, kommuner by name, ceiling, text', () => {
    const csv = statusReportCsv(report, [
      {
        decisionId: '7',
        title: 'Undantag för Bjurholm',
        text: 'Bjurholms resekostnader bärs gemensamt.',
        decidedOn: '2026-04-22',
        paragraph: 4,
        organisations: ['Bjurholm', 'Dorotea'],
        ceilingOre: 12_500_50,
      },
      { decisionId: '8', title: 'Lokal', text: 'Lokalhyra delas.', decidedOn: '2026-05-01', organisations: ['Malå'] },
    ]);
    const rows = csv.replace(/^\uFEFF/, '').split('\r\n');
    const at = rows.indexOf('Överenskomna undantag');
    expect(at).toBeGreaterThan(0);
    expect(rows.slice(at + 1, at + 4)).toEqual([
      'Beslut;Gäller;Takbelopp (kr);Vad som överenskommits',
      '§ 4 · 2026-04-22 · Undantag för Bjurholm;Bjurholm, Dorotea;12500,50;Bjurholms resekostnader bärs gemensamt.',
      '2026-05-01 · Lokal;Malå;Inget tak;Lokalhyra delas.',
    ]);
    expect(csv).not.toContain(';7;');
  });

  it('adds nothing when the year has no exceptions', () => {
    expect(statusReportCsv(report, [])).toBe(statusReportCsv(report));
    expect(statusReportCsv(report)).not.toContain('Överenskomna undantag');
  });
});
