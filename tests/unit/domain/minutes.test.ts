import { describe, expect, it } from '@jest/globals';
import {
  agendaPointId,
  buildAgenda,
  createMeeting,
  createProposal,
  decide,
  draftProtocol,
  minutesItems,
  minutesSections,
  protocolContentJson,
  protocolSections,
  recordDecision,
  secretaryIssues,
  type Decision,
  type DraftItem,
  type Person,
} from '../../../src/domain';
import { fullContactList, vasterbotten } from './fixtures';

const orgs = vasterbotten();
const people: Person[] = fullContactList(orgs);
const nameOf = (id: string) => people.find((p) => p.id === id)?.displayName ?? 'Okänd person';

const meeting = createMeeting({
  id: 'm-var',
  group: 'samverkansgrupp',
  title: 'Vårmöte 2027',
  date: '2027-04-20',
  startTime: '09:00',
  endTime: '12:00',
});

const draft: DraftItem[] = [
  {
    id: 'i-open',
    kind: 'information',
    title: 'Mötets öppnande',
    source: { kind: 'staende', label: '' },
    documents: [],
  },
  {
    id: 'i-budget',
    kind: 'beslut',
    title: 'Budget 2027',
    presenterId: 'p-samordnare',
    source: { kind: 'forslag', label: '' },
    documents: [],
  },
  { id: 'i-tillsyn', kind: 'diskussion', title: 'Tillsyn', source: { kind: 'redaktor', label: '' }, documents: [] },
];

const onItem = (id: string, agendaItemId: string | undefined, text: string, paragraph?: number): Decision => ({
  ...recordDecision({ id, kind: 'budget', text }, meeting),
  ...(agendaItemId ? { agendaItemId } : {}),
  ...(paragraph !== undefined ? { paragraph } : {}),
});

describe('minutesItems', () => {
  it('takes the prepared points, föredragande by name', () => {
    const items = minutesItems(draft, { items: [] }, nameOf);
    expect(items.map((i) => [i.id, i.number, i.title, i.kind])).toEqual([
      ['i-open', 1, 'Mötets öppnande', 'information'],
      ['i-budget', 2, 'Budget 2027', 'beslut'],
      ['i-tillsyn', 3, 'Tillsyn', 'diskussion'],
    ]);
    expect(items[1]?.presenter).toBe('Sara Samordnare');
  });

  it('falls back to the generated dagordning, each point known by its number', () => {
    const budget = createProposal({ id: 'activity:7', kind: 'budget', title: 'B', text: 'B', date: '2027-03-01' });
    const agenda = buildAgenda({ meeting, openProposals: [budget] });
    const items = minutesItems(undefined, agenda, nameOf);
    expect(items[0]).toEqual({ id: agendaPointId(1), number: 1, title: agenda.items[0]?.title });
    expect(items.find((i) => i.proposalId === 'activity:7')?.id).toMatch(/^punkt-\d+$/);
  });
});

describe('minutesSections', () => {
  const items = minutesItems(draft, { items: [] }, nameOf);

  it('places each decision under its point with its § number, notes per point, the rest at the end', () => {
    const sections = minutesSections(
      items,
      { 'i-budget': '  Samordnaren redogjorde för förslaget.  ', 'i-tillsyn': 'Diskuterades.' },
      [
        onItem('d1', undefined, 'Protokollet läggs till handlingarna.'),
        onItem('d2', 'i-budget', 'Budget 2027 fastställs.', 4),
        onItem('d3', undefined, 'Tillsyn: En arbetsgrupp bereder frågan.'),
      ],
      nameOf,
    );
    expect(sections.punkter[0]).toEqual({
      id: 'i-open',
      number: 1,
      heading: '1. Mötets öppnande',
      about: 'Information',
      beslut: [],
    });
    expect(sections.punkter[1]).toEqual({
      id: 'i-budget',
      number: 2,
      heading: '2. Budget 2027',
      about: 'Beslut · Föredragande: Sara Samordnare',
      notes: 'Samordnaren redogjorde för förslaget.',
      beslut: [{ paragraph: '§ 4', kind: 'Budget', text: 'Budget 2027 fastställs.' }],
    });
    // A decision the old side panel wrote as "{point}: {text}" is found under its point, without the prefix.
    expect(sections.punkter[2]?.beslut).toEqual([
      { paragraph: '§2', kind: 'Budget', text: 'En arbetsgrupp bereder frågan.' },
    ]);
    expect(sections.ovrigaBeslut).toEqual([
      { paragraph: '§3', kind: 'Budget', text: 'Protokollet läggs till handlingarna.' },
    ]);
    expect(sections.beslut.map((b) => b.paragraph)).toEqual(['§ 4', '§2', '§3']);
  });

  it('an AgendaItemId naming no point leaves the decision among the others', () => {
    const sections = minutesSections(items, {}, [onItem('d1', 'i-borta', 'Något beslutas.')], nameOf);
    expect(sections.punkter.every((p) => p.beslut.length === 0)).toBe(true);
    expect(sections.ovrigaBeslut).toHaveLength(1);
  });
});

describe('the protokoll from the dagordning', () => {
  const base = {
    id: 'prot',
    meeting,
    attendance: ['p-umea', 'p-samordnare', 'p-skelleftea', 'p-lycksele', 'p-vannas'].map((personId) => ({
      personId,
      present: true,
    })),
    decisions: [onItem('d2', 'i-budget', 'Budget 2027 fastställs.', 4)],
    agenda: buildAgenda({ meeting }),
    secretaryId: 'p-vannas',
    chairId: 'p-umea',
    adjusters: ['p-skelleftea', 'p-lycksele'] as [string, string],
  };

  it('prints the points, a stand-in secretary as chosen by the meeting, and the checksum covers the notes', () => {
    const protocol = {
      ...draftProtocol(base),
      secretaryChosenByMeeting: true,
      minutes: { items: minutesItems(draft, { items: [] }, nameOf), notes: { 'i-budget': 'Redogörelse.' } },
    };
    const sections = protocolSections(protocol, people, orgs);
    expect(sections.kallelse).toContainEqual({ label: 'Sekreterare (vald av mötet)', value: 'Representant Vännäs' });
    expect(sections.punkter.map((p) => p.heading)).toEqual(['1. Mötets öppnande', '2. Budget 2027', '3. Tillsyn']);
    expect(sections.punkter[1]?.beslut[0]?.paragraph).toBe('§ 4');
    const changed = protocolSections(
      { ...protocol, minutes: { ...protocol.minutes, notes: { 'i-budget': 'Annan redogörelse.' } } },
      people,
      orgs,
    );
    expect(protocolContentJson(changed)).not.toBe(protocolContentJson(sections));
  });

  it('the secretary is the samordnare unless the group chose a stand-in, recorded', () => {
    const samordnareIds = ['p-samordnare'];
    expect(secretaryIssues({ secretaryId: 'p-samordnare', samordnareIds, chosenByMeeting: false })).toEqual([]);
    expect(secretaryIssues({ secretaryId: 'p-vannas', samordnareIds, chosenByMeeting: true })).toEqual([]);
    expect(secretaryIssues({ secretaryId: 'p-vannas', samordnareIds, chosenByMeeting: false })).toEqual([
      {
        path: 'secretaryEmail',
        message:
          'Sekreteraren är samordnaren. Välj någon annan bara om mötet valde en ersättare, och markera att mötet valde hen.',
      },
    ]);
  });
});

// A decision on a proposal of a generated dagordning is found under the proposal's point.
describe('a generated dagordning', () => {
  it('places a decision on a proposal under its point', () => {
    const plan = createProposal({ id: 'p-vp', kind: 'verksamhetsplan', title: 'VP', text: 'VP', date: '2027-03-01' });
    const agenda = buildAgenda({ meeting, openProposals: [plan] });
    const items = minutesItems(undefined, agenda, nameOf);
    const sections = minutesSections(items, {}, [decide(plan, meeting, { id: 'd-vp' })], nameOf);
    const point = sections.punkter.find((p) => p.beslut.length > 0);
    expect(point?.id).toBe(items.find((i) => i.proposalId === 'p-vp')?.id);
  });
});
