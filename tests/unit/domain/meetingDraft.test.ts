import { describe, expect, it } from '@jest/globals';
import {
  DomainRuleError,
  applyAgendaEdit,
  assertDocumentRoom,
  draftAgendaItems,
  draftReferenceDate,
  proposeDraftAgenda,
  type Decision,
  type DraftAgendaInput,
  type DraftItem,
  type Proposal,
} from '../../../src/domain';

const people = [
  { id: '1', email: 'ordf@umea.se', roles: ['ordforande', 'samverkansgrupp'] as const },
  { id: '2', email: 'samordnare@region.se', roles: ['samordnare'] as const },
  { id: '3', email: 'anna@skelleftea.se', roles: ['stodgrupp'] as const },
];

const proposal = (id: string, date: string, kind: Proposal['kind'] = 'aktiviteter_kalendarium'): Proposal => ({
  id,
  kind,
  title: `Förslag ${id}`,
  text: `Text ${id}`,
  date,
  proposedByPersonId: 'ANNA@skelleftea.se',
});

const followUp = (id: string, due: string, followUp: Decision['followUp'] = 'pagar'): Decision => ({
  id,
  meetingId: 'm',
  kind: 'delegering',
  text: `Beslut ${id}`,
  decidedOn: '2026-10-20',
  followUp,
  followUpDue: due,
  ownerPersonId: 'samordnare@region.se',
});

function input(overrides: Partial<DraftAgendaInput> = {}): DraftAgendaInput {
  return {
    meeting: { group: 'samverkansgrupp', year: 2027, season: 'var' },
    openProposals: [],
    followUps: [],
    assignments: [],
    people,
    asOf: '2027-01-15',
    ...overrides,
  };
}

describe('proposeDraftAgenda', () => {
  it('starts a samverkansgrupp draft from the standing points, ekonomi and Nästa möte, each with its source', () => {
    const items = proposeDraftAgenda(input());
    expect(items.map((i) => i.title)).toEqual([
      'Mötets öppnande',
      'Val av två justerare',
      'Godkännande av dagordningen',
      'Föregående protokoll',
      'Ekonomisk lägesrapport',
      'Nästa möte',
      'Övriga frågor',
      'Mötets avslutande',
    ]);
    expect(items.map((i) => i.id)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8']);
    expect(items[0]).toMatchObject({ presenterId: '1', source: { kind: 'staende' }, documents: [] });
    expect(items[4]).toMatchObject({ kind: 'information', presenterId: '2', source: { kind: 'ekonomi' } });
    expect(items[5]).toMatchObject({
      source: { kind: 'nasta_mote' },
      text: 'Hösten 2027 (september–oktober); tid bestäms.',
    });
  });

  it("takes the stödgrupp's open proposals for the meeting's season only, oldest first, as beslut", () => {
    const items = proposeDraftAgenda(
      input({
        openProposals: [
          proposal('activity:2', '2027-05-02'),
          proposal('activity:1', '2027-03-01'),
          proposal('activity:9', '2027-09-10'),
          proposal('activity:8', '2026-03-10'),
          proposal('plan:2027', '2026-11-01', 'verksamhetsplan'),
          proposal('activity:1', '2027-03-01'),
        ],
      }),
    );
    const proposals = items.filter((i) => i.source.kind === 'forslag');
    expect(proposals.map((i) => i.source.ref)).toEqual(['plan:2027', 'activity:1', 'activity:2']);
    expect(proposals[1]).toMatchObject({ kind: 'beslut', presenterId: '3', text: 'Text activity:1' });
  });

  it('takes open follow-ups ("Försenad" only after the due date) and uppdrag due by the meeting', () => {
    const items = proposeDraftAgenda(
      input({
        meeting: { group: 'samverkansgrupp', year: 2027, season: 'var', date: '2027-04-20' },
        followUps: [followUp('7', '2027-03-01'), followUp('8', '2027-01-10'), followUp('9', '2027-01-01', 'klar')],
        assignments: [
          {
            id: '4',
            description: 'Handläggningstider',
            due: '2027-04-01',
            status: 'pagar',
            assigneeKind: 'person',
            assigneeId: '3',
            assigneeName: 'Anna',
          },
          {
            id: '5',
            description: 'Senare',
            due: '2027-06-01',
            status: 'pagar',
            assigneeKind: 'person',
            assigneeId: '3',
          },
          { id: '6', description: 'Klar', due: '2027-02-01', status: 'klart', assigneeKind: 'person', assigneeId: '3' },
        ],
      }),
    );
    const followUps = items.filter((i) => i.source.kind === 'uppfoljning');
    expect(followUps.map((i) => i.source.ref)).toEqual(['8', '7']);
    expect(followUps[0]!.text).toContain('Försenad: skulle vara klar 2027-01-10.');
    expect(followUps[1]!.text).toContain('Ska vara klar 2027-03-01.');
    expect(followUps[0]!.presenterId).toBe('2');
    const uppdrag = items.filter((i) => i.source.kind === 'uppdrag');
    expect(uppdrag).toHaveLength(1);
    expect(uppdrag[0]).toMatchObject({ kind: 'anmalan', presenterId: '3', source: { ref: '4' } });
  });

  it('gives stödgruppen no justerare or ekonomi point, and names a known next meeting', () => {
    const items = proposeDraftAgenda(
      input({ meeting: { group: 'stodgrupp', year: 2027, date: '2027-02-10' }, nextMeeting: { date: '2027-03-24' } }),
    );
    expect(items.map((i) => i.source.kind)).not.toContain('ekonomi');
    expect(items.map((i) => i.title)).not.toContain('Val av två justerare');
    // Stödgruppen keeps minnesanteckningar, not a protokoll (#16).
    expect(items.map((i) => i.title)).toContain('Föregående minnesanteckningar');
    expect(items.map((i) => i.title)).not.toContain('Föregående protokoll');
    expect(items.find((i) => i.source.kind === 'nasta_mote')!.text).toContain('24 mars 2027');
    expect(draftReferenceDate({ group: 'samverkansgrupp', year: 2027, season: 'host' })).toBe('2027-09-01');
  });
});

describe('applyAgendaEdit', () => {
  const current: DraftItem[] = proposeDraftAgenda(input()).map((item) =>
    item.id === 'p5'
      ? { ...item, documents: [{ id: 'f1', name: 'Budget.pdf', size: 10, webUrl: 'https://x/y' }] }
      : item,
  );
  const known = new Set(['1', '2', '3']);
  const edit = (items: DraftItem[]) => items.map(({ id, kind, title }) => ({ id, kind, title }));

  it('keeps sources and handlingar, takes the new order, numbers a new point after the highest', () => {
    const order = edit(current).reverse();
    const result = applyAgendaEdit(
      current,
      [...order, { kind: 'diskussion', title: 'Ny punkt', presenterId: '3' }],
      known,
    );
    expect(result.map((i) => i.id)).toEqual(['p8', 'p7', 'p6', 'p5', 'p4', 'p3', 'p2', 'p1', 'p9']);
    expect(result[3]!.documents).toHaveLength(1);
    expect(result[3]!.source.kind).toBe('ekonomi');
    expect(result[8]).toMatchObject({ source: { kind: 'redaktor' }, presenterId: '3', documents: [] });
  });

  it('refuses removing a point with handlingar, unknown or repeated points and unknown föredragande', () => {
    const refuse = (items: Parameters<typeof applyAgendaEdit>[1]) => () => applyAgendaEdit(current, items, known);
    expect(refuse(edit(current).filter((i) => i.id !== 'p5'))).toThrow(/Ta bort handlingarna/);
    expect(
      applyAgendaEdit(
        current,
        edit(current).filter((i) => i.id !== 'p4'),
        known,
      ),
    ).toHaveLength(7);
    expect(refuse([...edit(current), { id: 'p99', kind: 'beslut', title: 'X' }])).toThrow(DomainRuleError);
    expect(refuse([...edit(current), { id: 'p1', kind: 'beslut', title: 'X' }])).toThrow(/finns inte/);
    expect(refuse([{ kind: 'beslut', title: 'X', presenterId: '42' }, ...edit(current)])).toThrow(/kontaktlistan/);
  });
});

describe('handlingar', () => {
  const doc = (n: number) => ({ id: `f${n}`, name: `${n}.pdf`, size: 1, webUrl: `https://x/${n}` });
  const items: DraftItem[] = proposeDraftAgenda(input());

  it('refuses over 25 MB, empty files, a sixth per point and a 26th per meeting', () => {
    expect(() => assertDocumentRoom(items, 'p1', 25 * 1024 * 1024 + 1)).toThrow('En handling får vara högst 25 MB.');
    expect(() => assertDocumentRoom(items, 'p1', 0)).toThrow('Filen är tom.');
    expect(assertDocumentRoom(items, 'p1', 25 * 1024 * 1024).id).toBe('p1');
    const full = items.map((i, n) =>
      i.id === 'p1' ? { ...i, documents: [1, 2, 3, 4, 5].map(doc) } : { ...i, documents: n < 6 ? [doc(n * 10)] : [] },
    );
    expect(() => assertDocumentRoom(full, 'p1', 1)).toThrow(/redan 5 handlingar/);
    const meeting = items.map((i, n) => ({
      ...i,
      documents: n < 5 ? [1, 2, 3, 4, 5].map((k) => doc(n * 10 + k)) : [],
    }));
    expect(() => assertDocumentRoom(meeting, 'p8', 1)).toThrow('Mötet har redan 25 handlingar, det högsta antalet.');
    expect(() => assertDocumentRoom(items, 'p77', 1)).toThrow(/finns inte/);
  });

  it('gives the kallelse numbered points with föredragande by name and links to their handlingar', () => {
    const withDoc = items.map((i) => (i.id === 'p5' ? { ...i, documents: [doc(1)] } : i));
    const agenda = draftAgendaItems(withDoc, (id) => (id === '2' ? 'Karin Nordström' : undefined));
    expect(agenda[4]).toMatchObject({
      number: 5,
      kind: 'information',
      note: 'Information · Föredragande: Karin Nordström',
      documents: [{ title: '1.pdf', url: 'https://x/1' }],
    });
    expect(agenda[1]!.note).toBe('Beslut');
  });
});
