import { describe, expect, it } from '@jest/globals';
import { assignmentsCard, type AssignmentCardRow } from '../../api/cards/cards';
import { cardText } from '../bot/support';

const row = (id: number, ownerName: string, due: string, status: AssignmentCardRow['status']): AssignmentCardRow => ({
  id: String(id),
  etag: `"{E${id}},1"`,
  description: `Uppdrag ${id}`,
  ownerName,
  due,
  status,
});

function executes(card: unknown): Array<{ data: Record<string, unknown>; verb: string }> {
  const found: Array<{ data: Record<string, unknown>; verb: string }> = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const element = node as { type?: string; verb?: string; data?: Record<string, unknown> };
      if (element.type === 'Action.Execute') found.push({ verb: element.verb ?? '', data: element.data ?? {} });
      Object.values(node).forEach(walk);
    }
  };
  walk(card);
  return found;
}

function choicesOf(card: unknown, id: string): string[] {
  const json = JSON.stringify(card);
  const match = new RegExp(`"id":"${id}"[^\\]]*"choices":(\\[[^\\]]*\\])`).exec(json);
  return match ? (JSON.parse(match[1]!) as Array<{ value: string }>).map((c) => c.value) : [];
}

describe('the uppdrag card', () => {
  const today = '2026-12-03';
  const tabUrl = 'https://localhost/#/oversikt';

  it('shows at most eight rows on a phone, then how many more are in the tab', () => {
    const rows = Array.from({ length: 11 }, (_, i) => row(i + 1, 'Erik Lundqvist', '2026-12-20', 'pagar'));
    const card = assignmentsCard({ all: false, rows, today, tabUrl });
    const text = cardText(card);
    expect(text).toContain('Uppdrag 8');
    expect(text).not.toContain('Uppdrag 9');
    expect(text).toContain('och 3 till – öppna fliken');
    expect(executes(card)).toHaveLength(8);
    expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Öppna fliken', url: tabUrl }]);
  });

  it('says overdue and due soon in Swedish, and names each owner once for the samordnare', () => {
    const rows = [
      row(1, 'Erik Lundqvist', '2026-12-01', 'pagar'),
      row(2, 'Erik Lundqvist', '2026-12-08', 'ej_paborjat'),
      row(3, 'Maria Bergström', '2027-02-01', 'ej_paborjat'),
    ];
    const lines = cardText(assignmentsCard({ all: true, rows, today, tabUrl })).split('\n');
    expect(lines).toContain('Öppna uppdrag');
    expect(lines.filter((line) => line === 'Erik Lundqvist')).toHaveLength(1);
    expect(lines.filter((line) => line === 'Maria Bergström')).toHaveLength(1);
    expect(lines).toContain('Försenat: klart senast tisdag 1 december 2026 · Pågår');
    expect(lines).toContain('Snart: klart senast tisdag 8 december 2026 · Ej påbörjat');
    expect(lines).toContain('Klart senast måndag 1 februari 2027 · Ej påbörjat');
    // The owner's own card names no owner.
    expect(cardText(assignmentsCard({ all: false, rows, today, tabUrl })).split('\n')).not.toContain('Erik Lundqvist');
  });

  it('each form saves with the uppdrag’s id and ETag and offers only the statuses it may move to', () => {
    const rows = [row(4, 'Erik', '2026-12-20', 'pagar'), row(5, 'Erik', '2026-12-21', 'ej_paborjat')];
    const card = assignmentsCard({ all: false, rows, today, tabUrl });
    expect(executes(card)).toEqual([
      { verb: 'assignment.update', data: { assignmentId: '4', etag: '"{E4},1"' } },
      { verb: 'assignment.update', data: { assignmentId: '5', etag: '"{E5},1"' } },
    ]);
    expect(choicesOf(card, 'status_4')).toEqual(['pagar', 'klart', 'avbrutet']);
    expect(choicesOf(card, 'status_5')).toEqual(['ej_paborjat', 'pagar', 'klart', 'avbrutet']);
  });

  it('says so when there is nothing open', () => {
    expect(cardText(assignmentsCard({ all: false, rows: [], today, tabUrl }))).toContain('Du har inga öppna uppdrag.');
    expect(cardText(assignmentsCard({ all: true, rows: [], today, tabUrl }))).toContain(
      'Det finns inga öppna uppdrag.',
    );
  });
});
