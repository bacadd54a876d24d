import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import {
  DomainRuleError,
  PROTOCOL_KIND_RULES,
  approvalTurn,
  approveProtocol,
  approveRecord,
  buildAgenda,
  confirmMinutes,
  createMeeting,
  deriveTodos,
  draftMinutes,
  draftProtocol,
  draftRecord,
  isLocked,
  isLockedStatus,
  minutesItems,
  protocolContentJson,
  protocolKind,
  protocolSections,
  reviseProtocol,
  type DraftRecordInput,
  type Person,
} from '../../../src/domain';
import { protocolPdf } from '../../../api/services/documents';
import { readPdf, roles } from '../../support/readPdf';
import { fullContactList, validationIssues, vasterbotten } from './fixtures';

/** Stödgruppen's minnesanteckningar (#16): the protokoll's structure, fastställda by the secretary, no justering. */
const orgs = vasterbotten();
const people: Person[] = fullContactList(orgs);

const meeting = createMeeting({
  id: 'm-stod',
  group: 'stodgrupp',
  title: 'Stödgruppen mars 2027',
  date: '2027-03-10',
  startTime: '09:00',
  endTime: '11:00',
  location: 'Teams',
});
const agenda = buildAgenda({ meeting });
const present = (...ids: string[]) => ids.map((personId) => ({ personId, present: true }));

function input(overrides: Partial<DraftRecordInput> = {}): DraftRecordInput {
  return {
    id: 'mi-1',
    meeting,
    attendance: [...present('p-samordnare', 'p-skelleftea', 'p-lycksele'), { personId: 'p-mala', present: false }],
    decisions: [],
    agenda,
    secretaryId: 'p-samordnare',
    ...overrides,
  };
}

const AFTER = '2027-03-10T10:30:00Z';

describe('the kind of a meeting’s record', () => {
  it('is a protokoll for samverkansgruppen and minnesanteckningar for stödgruppen, with their rules', () => {
    expect(protocolKind('samverkansgrupp')).toBe('protokoll');
    expect(protocolKind('stodgrupp')).toBe('minnesanteckningar');
    expect(PROTOCOL_KIND_RULES.protokoll).toMatchObject({ justering: true, decides: true, lockedStatus: 'justerat' });
    expect(PROTOCOL_KIND_RULES.minnesanteckningar).toMatchObject({
      justering: false,
      decides: false,
      lockedStatus: 'faststallt',
      title: 'Minnesanteckningar',
      archiveFileName: 'minnesanteckningar.pdf',
    });
    expect(isLockedStatus('faststallt')).toBe(true);
    expect(isLockedStatus('justerat')).toBe(true);
    expect(isLockedStatus('utkast')).toBe(false);
  });

  it('drafts minnesanteckningar for a stödgrupp meeting, and refuses a protokoll, a chair or justerare there', () => {
    const minutes = draftRecord(input());
    expect(minutes).toMatchObject({ kind: 'minnesanteckningar', status: 'utkast', chairId: '', adjusters: [] });
    expect(() => draftProtocol({ ...input(), chairId: 'p-skelleftea', adjusters: ['p-lycksele', 'p-mala'] })).toThrow(
      DomainRuleError,
    );
    expect(validationIssues(() => draftMinutes(input({ adjusters: ['p-lycksele'] })))).toEqual([
      expect.objectContaining({ message: 'Minnesanteckningar har ingen mötesordförande eller justerare att utse.' }),
    ]);
    expect(validationIssues(() => draftMinutes(input({ secretaryId: 'p-mala' })))).toEqual([
      { path: 'secretaryId', message: 'Sekreteraren måste vara närvarande vid mötet.' },
    ]);
    // Samverkansgruppen's meetings keep their protokoll.
    const samverkan = { ...meeting, group: 'samverkansgrupp' as const };
    expect(() => draftMinutes(input({ meeting: samverkan }))).toThrow(/justeras/);
  });

  it('has the secretary alone in turn; no approval of the protokoll kind applies', () => {
    const minutes = draftMinutes(input());
    expect(approvalTurn(minutes)).toEqual({ step: 'sekreterare', waitingFor: ['p-samordnare'] });
    expect(() => approveProtocol(minutes, 'p-samordnare', AFTER)).toThrow(
      'Minnesanteckningar justeras inte; sekreteraren fastställer dem.',
    );
  });
});

describe('confirmMinutes', () => {
  it('the secretary fastställer them: locked, name and time recorded; a repeat answers them as they are', () => {
    const minutes = draftMinutes(input());
    const confirmed = confirmMinutes(minutes, 'p-samordnare', '2027-03-10T11:45:00+01:00');
    expect(confirmed).toMatchObject({
      status: 'faststallt',
      lockedAt: '2027-03-10T10:45:00Z',
      approvals: [{ personId: 'p-samordnare', at: '2027-03-10T10:45:00Z' }],
    });
    expect(isLocked(confirmed)).toBe(true);
    expect(approvalTurn(confirmed)).toEqual({ step: 'klart', waitingFor: [] });
    expect(confirmMinutes(confirmed, 'p-samordnare', '2027-03-10T12:00:00Z')).toBe(confirmed);
    expect(approveRecord(minutes, 'p-samordnare', AFTER).status).toBe('faststallt');
  });

  it('refuses anyone but the secretary, a time before the meeting, and a protokoll', () => {
    const minutes = draftMinutes(input());
    expect(() => confirmMinutes(minutes, 'p-skelleftea', AFTER)).toThrow(
      'Endast sekreteraren fastställer minnesanteckningarna.',
    );
    expect(() => confirmMinutes(minutes, 'p-samordnare', '2027-03-09T10:00:00Z')).toThrow(
      'Minnesanteckningarna kan inte fastställas innan mötet har hållits.',
    );
    expect(() => confirmMinutes(minutes, 'p-samordnare', 'i morgon')).toThrow();
    const samverkan = createMeeting({ ...meeting, id: 'm-sv', group: 'samverkansgrupp', date: '2027-04-20' });
    const protocol = draftProtocol({
      ...input({ meeting: samverkan, agenda: buildAgenda({ meeting: samverkan }) }),
      chairId: 'p-skelleftea',
      adjusters: ['p-lycksele', 'p-umea'],
      attendance: present('p-samordnare', 'p-skelleftea', 'p-lycksele', 'p-umea'),
    });
    expect(() => confirmMinutes(protocol, 'p-samordnare', AFTER)).toThrow(DomainRuleError);
  });

  it('refuses every change after fastställande, in Swedish', () => {
    const confirmed = confirmMinutes(draftMinutes(input()), 'p-samordnare', AFTER);
    expect(() => reviseProtocol(confirmed, { attendance: [] })).toThrow(
      'Minnesanteckningarna är fastställda och kan inte ändras.',
    );
    expect(() => confirmMinutes(confirmed, 'p-skelleftea', AFTER)).toThrow(
      'Minnesanteckningarna är fastställda och kan inte ändras.',
    );
  });
});

describe('the minnesanteckningar’s sections and PDF', () => {
  const notes = {
    items: minutesItems(undefined, agenda, () => undefined),
    notes: { 'punkt-1': 'Samordnaren öppnade mötet; förslag om tillsynsdag i Åsele tas till samverkansgruppen.' },
  };
  const confirmed = { ...confirmMinutes(draftMinutes(input()), 'p-samordnare', AFTER), minutes: notes };
  const sections = protocolSections(confirmed, people, orgs);

  it('are titled Minnesanteckningar, have no justering and close on who fastställde them when (Stockholm)', () => {
    expect(sections.kind).toBe('minnesanteckningar');
    expect(sections.title).toBe('Minnesanteckningar – Stödgruppen onsdag 10 mars 2027');
    expect(sections.status).toBe('Fastställda 2027-03-10');
    expect(sections.justering).toEqual([]);
    expect(sections.faststallande).toBe('Fastställda av Sara Samordnare onsdag 10 mars 2027 kl. 11:30');
    expect(sections.kallelse.map((row) => row.label)).not.toContain('Ordförande');
    const draft = protocolSections(draftMinutes(input()), people, orgs);
    expect(draft.status).toBe('Utkast, ej fastställda');
    expect(draft.faststallande).toBeUndefined();
  });

  it('print as tagged PDF/A with bookmarks per point, page numbers, no justering page, the line and the SHA-256', async () => {
    const pdf = await readPdf(await protocolPdf({ sections, producedAt: new Date(AFTER) }));
    expect(pdf.title).toBe(sections.title);
    expect(pdf.markInfo).toEqual({ Marked: true });
    expect(pdf.xmp).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
    const all = pdf.structTrees.flatMap(roles);
    expect(all.filter((role) => role === 'H1')).toHaveLength(1);
    expect(all).toEqual(expect.arrayContaining(['H2', 'H3', 'P']));
    const count = pdf.pages.length;
    pdf.pages.forEach((lines, index) => expect(lines).toContain(`Sida ${index + 1} av ${count}`));
    expect(pdf.outline.map((entry) => entry.title)).toEqual(['Kallelse', 'Närvaro', 'Dagordning', 'Fastställande']);
    const dagordning = pdf.outline.find((entry) => entry.title === 'Dagordning');
    expect(dagordning?.items.map((entry) => entry.title)).toEqual(sections.punkter.map((p) => p.heading));
    const body = pdf.pages.map((lines) => lines.join('\n')).join('\n');
    expect(body).toContain('Minnesanteckningar – Stödgruppen');
    expect(body).not.toMatch(/Justering|Justerare|Protokoll/);
    expect(body).not.toContain('Inga beslut fattades.');
    expect(body).toContain('Fastställda av Sara Samordnare onsdag 10 mars 2027 kl. 11:30.');
    const printed = /\b[0-9a-f]{64}\b/.exec(body)?.[0];
    expect(printed).toBe(createHash('sha256').update(protocolContentJson(sections), 'utf8').digest('hex'));
  });
});

describe('Att göra for minnesanteckningar', () => {
  const base = {
    meetingId: '12',
    meetingTitle: 'Stödgruppen mars 2027',
    date: '2027-03-10',
    secretaryEmail: 'sara@region.se',
    chairEmail: '',
    adjusterEmails: [],
    document: 'minnesanteckningar' as const,
  };
  const todos = (status: string, approvedByEmails: string[], archived?: boolean) =>
    deriveTodos({
      today: '2027-03-11',
      person: { email: 'sara@region.se', roles: ['samordnare'] },
      meetings: [],
      protocols: [{ ...base, status, approvedByEmails, ...(archived !== undefined ? { archived } : {}) }],
      invitations: [],
    }).filter((item) => item.kind === 'approveProtocol' || item.kind === 'archiveProtocol');

  it('the secretary fastställer them, then the samordnare archives them', () => {
    expect(todos('utkast', [])).toEqual([
      expect.objectContaining({ kind: 'approveProtocol', step: 'sekreterare', document: 'minnesanteckningar' }),
    ]);
    expect(todos('faststallt', ['sara@region.se'], false)).toEqual([
      expect.objectContaining({ kind: 'archiveProtocol', document: 'minnesanteckningar' }),
    ]);
    expect(todos('faststallt', ['sara@region.se'], true)).toEqual([]);
  });
});
