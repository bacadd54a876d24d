import { describe, expect, it } from '@jest/globals';
import { escapeCardMarkdown, shownCardText } from '../../../api/cards/markdown';
import { activitiesCard, facts, text } from '../../../api/cards/cards';
import { createMeeting, foldVcardLine, meetingToIcsEvent, toIcsCalendar, vcardText } from '../../../src/domain';

const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

describe('card text is text, never Markdown', () => {
  it('escapes links, emphasis, code, lists and headings', () => {
    const link = escapeCardMarkdown('[Klicka här](https://evil.example)');
    expect(link).toBe('\\[Klicka här\\](https://evil.example)');
    expect(link).not.toMatch(/(^|[^\\])\[/);
    expect(escapeCardMarkdown('**fet** _kursiv_ `kod` <https://x>')).toBe(
      '\\*\\*fet\\*\\* \\_kursiv\\_ \\`kod\\` \\<https://x\\>',
    );
    expect(escapeCardMarkdown('- punkt\n# rubrik\n1. lista\n> citat')).toBe(
      '\\- punkt\n\\# rubrik\n1\\. lista\n\\> citat',
    );
  });

  it('shows exactly what was written', () => {
    for (const value of ['[Klicka här](https://x)', '**a** _b_ `c`', '- x\n1. y', 'a\\b', 'Umeå – 12 500,50 kr']) {
      expect(shownCardText(escapeCardMarkdown(value))).toBe(value);
    }
  });

  it('is applied by every text, heading and fact of the cards', () => {
    expect(text('[a](b)').text).toBe('\\[a\\](b)');
    expect(JSON.stringify(facts([['[t](u)', '*v*']]))).not.toContain('"[t](u)"');
    const card = activitiesCard(
      [
        {
          id: 'a1',
          title: '[Klicka här](https://evil.example)',
          startDate: '2027-03-01',
          endDate: '2027-03-01',
          area: 'information',
          status: 'forslag',
          targetGroups: [],
          participantFeeOre: 0,
        } as never,
      ],
      '2027',
    );
    expect(JSON.stringify(card)).not.toContain('"[Klicka här](https://evil.example)"');
  });
});

describe('iCalendar values', () => {
  const meeting = createMeeting({
    id: 'm1',
    group: 'samverkansgrupp',
    title: 'Möte\r\nATTENDEE:mailto:evil@example.com',
    date: '2027-04-14',
    startTime: '09:00',
    endTime: '12:00',
    location: 'Umeå\rX-INJECTED:1',
  });

  it('removes CR and escapes line breaks, so no value starts a property', () => {
    const ics = unfold(
      toIcsCalendar(
        [
          meetingToIcsEvent(meeting, {
            attendees: [{ name: 'Eva\r\nX-EVIL:1 "quoted"', email: 'eva@umea.se' }],
          }),
        ],
        { now: '2027-01-01T00:00:00Z' },
      ),
    );
    const lines = ics.split('\r\n');
    expect(lines.some((line) => /^ATTENDEE:mailto:evil/.test(line))).toBe(false);
    expect(lines.some((line) => /^X-INJECTED/.test(line))).toBe(false);
    expect(lines.some((line) => /^X-EVIL/.test(line))).toBe(false);
    expect(ics).not.toMatch(/\r(?!\n)/);
    expect(ics).toContain('SUMMARY:Möte\\nATTENDEE:mailto:evil@example.com');
    expect(ics).toContain('CN="Eva X-EVIL:1 \'quoted\'"');
  });
});

describe('vCard values', () => {
  it('escapes, removes CR and folds at 75 octets', () => {
    expect(vcardText('a,b;c\\d\r\nTITLE:x\re')).toBe('a\\,b\\;c\\\\d\\nTITLE:x\\ne');
    const folded = foldVcardLine(`NOTE:${'å'.repeat(60)}`);
    for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(
      folded
        .split('\r\n')
        .slice(1)
        .every((line) => line.startsWith(' ')),
    ).toBe(true);
  });
});
