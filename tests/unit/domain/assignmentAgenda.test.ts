import { describe, expect, it } from '@jest/globals';
import {
  agendaToHtml,
  agendaToText,
  assignmentFollowUpItem,
  buildAgenda,
  createMeeting,
  decisionReference,
  type AgendaAssignment,
} from '../../../src/domain';
import { toAgendaAssignments } from '../../../api/services/meetings';
import type { AssignmentView } from '../../../src/contract';

const host = createMeeting({
  id: 'm-host-2026',
  group: 'samverkansgrupp',
  title: 'Samverkansgruppens höstmöte',
  date: '2026-10-26',
  startTime: '09:00',
  endTime: '12:00',
});

const a = (description: string, due: string, extra: Partial<AgendaAssignment> = {}): AgendaAssignment => ({
  description,
  ownerName: 'Erik Lundqvist',
  due,
  status: 'pagar',
  decision: { paragraph: 3, decidedOn: '2026-04-22', text: 'Samverkansgruppen delegerar.' },
  ...extra,
});

describe('uppdrag on the next dagordning (#17)', () => {
  it('lists the open uppdrag due by the meeting under one item, earliest first, with owner, date and § number', () => {
    const item = assignmentFollowUpItem(
      [
        a('Ta fram underlag om handläggningstider', '2026-10-20'),
        a('Kartlägg risker', '2026-09-30', { ownerName: 'Arbetsgruppen för klimatanpassning', status: 'ej_paborjat' }),
        a('Efter mötet', '2026-11-15'),
        a('Redan klart', '2026-09-01', { status: 'klart' }),
        a('Avbrutet', '2026-09-01', { status: 'avbrutet' }),
        a('På mötesdagen', '2026-10-26', { decision: { paragraph: 7, decidedOn: '2026-04-22' } }),
      ],
      '2026-10-26',
      '2026-10-05',
    );
    expect(item).toEqual({
      kind: 'uppdrag',
      title: 'Uppföljning av uppdrag',
      overdue: true,
      details: [
        '- Kartlägg risker – Arbetsgruppen för klimatanpassning, klart senast onsdag 30 september 2026, försenat (ej påbörjat; beslut § 3/2026)',
        '- Ta fram underlag om handläggningstider – Erik Lundqvist, klart senast tisdag 20 oktober 2026 (pågår; beslut § 3/2026)',
        '- På mötesdagen – Erik Lundqvist, klart senast måndag 26 oktober 2026 (pågår; beslut § 7/2026)',
      ].join('\n'),
    });
  });

  it('has no item when nothing open is due by the meeting', () => {
    expect(assignmentFollowUpItem([a('Senare', '2026-12-01')], '2026-10-26', '2026-10-05')).toBeUndefined();
    expect(assignmentFollowUpItem([], '2026-10-26', '2026-10-05')).toBeUndefined();
  });

  it('names a decision without a number by its text, cut short, and a missing one not at all', () => {
    expect(decisionReference({ paragraph: 2 })).toBe('beslut § 2');
    expect(decisionReference({ text: 'Samverkansgruppen ger stödgruppen i uppdrag att utreda.' })).toBe(
      'beslut ”Samverkansgruppen ger stödgruppen i uppdrag att utreda.”',
    );
    const long = decisionReference({ text: `${'Samverkansgruppen beslutar om '.repeat(5)}slutet` })!;
    expect(long.length).toBeLessThanOrEqual(90);
    expect(long.endsWith('…”')).toBe(true);
    expect(decisionReference(undefined)).toBeUndefined();
    expect(decisionReference({})).toBeUndefined();
    const item = assignmentFollowUpItem(
      [a('Utan beslut', '2026-10-20', { decision: undefined })],
      '2026-10-26',
      '2026-10-05',
    );
    expect(item?.details).toBe('- Utan beslut – Erik Lundqvist, klart senast tisdag 20 oktober 2026 (pågår)');
    expect(item?.overdue).toBe(false);
  });

  it('comes after the decisions followed up and before the lägesrapport, in the text and the HTML', () => {
    const agenda = buildAgenda({
      meeting: host,
      assignments: [a('Ta fram underlag', '2026-10-20'), a('Kartlägg <risker>', '2026-10-21')],
      asOf: '2026-10-05',
    });
    const titles = agenda.items.map((item) => item.title);
    expect(titles.indexOf('Uppföljning av uppdrag')).toBe(titles.indexOf('Ekonomisk lägesrapport') - 1);
    expect(agendaToText(agenda)).toContain(
      '5. Uppföljning av uppdrag\n   - Ta fram underlag – Erik Lundqvist, klart senast tisdag 20 oktober 2026 (pågår; beslut § 3/2026)\n   - Kartlägg <risker>',
    );
    const html = agendaToHtml(agenda);
    expect(html).toContain('(pågår; beslut § 3/2026)<br>- Kartlägg &lt;risker&gt;');
    expect(buildAgenda({ meeting: host }).items.map((item) => item.title)).not.toContain('Uppföljning av uppdrag');
  });
});

describe('the uppdrag register as the dagordning reads it', () => {
  const view = (id: string, decisionId: string, status: AssignmentView['status'] = 'pagar'): AssignmentView => ({
    id,
    etag: `"{E${id}},1"`,
    decisionId,
    assigneeKind: 'person',
    assigneeId: '42',
    assigneeName: 'Erik Lundqvist',
    description: `Uppdrag ${id}`,
    due: '2026-10-20',
    status,
  });

  it('keeps the open ones, names the decision by number and date, and never by its list id', () => {
    const decisions = [{ id: '17', paragraph: 4, decidedOn: '2026-04-22', text: 'Delegering.' }];
    const rows = toAgendaAssignments([view('1', '17'), view('2', '99'), view('3', '17', 'klart')], decisions);
    expect(rows).toEqual([
      {
        description: 'Uppdrag 1',
        ownerName: 'Erik Lundqvist',
        due: '2026-10-20',
        status: 'pagar',
        decision: { paragraph: 4, decidedOn: '2026-04-22', text: 'Delegering.' },
      },
      { description: 'Uppdrag 2', ownerName: 'Erik Lundqvist', due: '2026-10-20', status: 'pagar' },
    ]);
    const text = assignmentFollowUpItem(rows, '2026-10-26', '2026-10-05')!.details;
    expect(text).not.toMatch(/\b(17|99|42)\b/);
  });
});
