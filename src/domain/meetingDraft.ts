import type { AgendaItem } from './agenda';
import { formatDateSv, type IsoDate } from './calendar';
import { openAssignments, type Assignment } from './assignments';
import { DECISION_KIND_LABELS, FOLLOW_UP_LABELS, openFollowUps, type Decision, type Proposal } from './decisions';
import { DomainRuleError } from './errors';
import {
  DRAFT_DOCUMENT_LIMITS,
  DRAFT_ITEM_KIND_LABELS,
  DRAFT_MAX_ITEMS,
  type DraftItemKind,
  type DraftSourceKind,
  type MeetingGroup,
  type Season,
} from './meetingLists';
import { seasonOf, seasonWindow } from './meetings';
import type { Role } from './roles';

/**
 * The dagordning of a meeting being prepared (issue #16): ordered points of a kind, with föredragande, a
 * short text, where each point came from and its handlingar. The app proposes; the editors decide.
 */

export interface DraftSource {
  kind: DraftSourceKind;
  /** The proposal's subject, the decision's or the uppdrag's id. */
  ref?: string;
  /** "Förslag från stödgruppen", "Uppföljning av beslut 2026-03-02", … */
  label: string;
}

export interface DraftDocument {
  /** The file's driveItem id. */
  id: string;
  name: string;
  size: number;
  webUrl: string;
}

export interface DraftItem {
  id: string;
  kind: DraftItemKind;
  title: string;
  text?: string;
  /** Föredragande: the person's id in Kontakter. */
  presenterId?: string;
  source: DraftSource;
  documents: DraftDocument[];
}

export interface DraftMeeting {
  group: MeetingGroup;
  year: number;
  season?: Season;
  /** A proposed day, when the editors have one. */
  date?: IsoDate;
}

export interface DraftPerson {
  id: string;
  email: string;
  roles: readonly Role[];
}

export interface DraftAgendaInput {
  meeting: DraftMeeting;
  openProposals: readonly Proposal[];
  followUps: readonly Decision[];
  assignments: readonly (Pick<Assignment, 'id' | 'description' | 'due' | 'status' | 'assigneeKind' | 'assigneeId'> & {
    assigneeName?: string;
  })[];
  /** Kontakter (active people): föredragande are proposed from it. */
  people: readonly DraftPerson[];
  /** The day the draft is made: a follow-up is "Försenad" only once its due date has passed. */
  asOf: IsoDate;
  nextMeeting?: { date: IsoDate };
}

/** The day the draft's proposals are measured by: the proposed day, else the first day of the season's window. */
export function draftReferenceDate(meeting: DraftMeeting): IsoDate {
  if (meeting.date) return meeting.date;
  if (meeting.season) return seasonWindow(meeting.year, meeting.season).start;
  return `${meeting.year}-01-01`;
}

type Proposed = Omit<DraftItem, 'id' | 'documents'>;

const standing = (kind: DraftItemKind, title: string): Proposed => ({
  kind,
  title,
  source: { kind: 'staende', label: 'Stående punkt' },
});

/** Activities proposed for a season belong to it (a spring meeting plans January–July, autumn August–December). */
function inSeason(proposal: Proposal, reference: IsoDate): boolean {
  if (proposal.kind !== 'aktiviteter_kalendarium') return true;
  return proposal.date.slice(0, 4) === reference.slice(0, 4) && seasonOf(proposal.date) === seasonOf(reference);
}

function byEmail(people: readonly DraftPerson[], email: string | undefined): string | undefined {
  if (!email) return undefined;
  const lower = email.toLowerCase();
  return people.find((p) => p.email.toLowerCase() === lower)?.id;
}

function withPresenter(item: Proposed, presenterId: string | undefined): Proposed {
  return presenterId ? { ...item, presenterId } : item;
}

function proposalItems(input: DraftAgendaInput, reference: IsoDate): Proposed[] {
  const samverkan = input.meeting.group === 'samverkansgrupp';
  const seen = new Set<string>();
  return input.openProposals
    .filter((p) => !seen.has(p.id) && seen.add(p.id) && inSeason(p, reference))
    .sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title, 'sv'))
    .map((p) =>
      withPresenter(
        {
          kind: samverkan ? 'beslut' : 'diskussion',
          title: `${DECISION_KIND_LABELS[p.kind].sv} – ${p.title}`,
          text: p.text,
          source: { kind: 'forslag', ref: p.id, label: `Förslag från stödgruppen ${p.date}` },
        },
        byEmail(input.people, p.proposedByPersonId),
      ),
    );
}

function followUpItems(input: DraftAgendaInput): Proposed[] {
  return openFollowUps(input.followUps).map((d) => {
    const status = FOLLOW_UP_LABELS[d.followUp].sv;
    const late = d.followUpDue !== undefined && d.followUpDue < input.asOf;
    const due = d.followUpDue ? ` ${late ? 'Försenad: skulle vara klar' : 'Ska vara klar'} ${d.followUpDue}.` : '';
    return withPresenter(
      {
        kind: 'information',
        title: `Uppföljning av beslut: ${DECISION_KIND_LABELS[d.kind].sv}`,
        text: `${d.text}\nStatus: ${status}.${due}`,
        source: { kind: 'uppfoljning', ref: d.id, label: `Beslut ${d.decidedOn}` },
      },
      byEmail(input.people, d.ownerPersonId),
    );
  });
}

/** Uppdrag still open that are due by the meeting's day: their återrapportering. */
function assignmentItems(input: DraftAgendaInput, reference: IsoDate): Proposed[] {
  return openAssignments(input.assignments)
    .filter((a) => a.due <= reference)
    .map((a) =>
      withPresenter(
        {
          kind: 'anmalan',
          title: `Återrapportering av uppdrag: ${a.description}`,
          text: `${a.assigneeName ? `${a.assigneeName}, ` : ''}klart senast ${a.due}.`,
          source: { kind: 'uppdrag', ref: a.id, label: `Uppdrag, klart senast ${a.due}` },
        },
        a.assigneeKind === 'person' && input.people.some((p) => p.id === a.assigneeId) ? a.assigneeId : undefined,
      ),
    );
}

function nextMeetingText(meeting: DraftMeeting, reference: IsoDate, next?: { date: IsoDate }): string {
  if (next) return formatDateSv(next.date);
  if (meeting.group === 'stodgrupp') return 'Tid för nästa möte bestäms.';
  const year = Number(reference.slice(0, 4));
  return seasonOf(reference) === 'var'
    ? `Hösten ${year} (september–oktober); tid bestäms.`
    : `Våren ${year + 1} (april–maj); tid bestäms.`;
}

/**
 * The dagordning a new draft starts from: the standing points, the stödgrupp's open proposals for the meeting's
 * season, open decision follow-ups, uppdrag due by the meeting, the ekonomisk lägesrapport (samverkansgruppen)
 * and "Nästa möte", each with its source. Stödgruppen's notes are not justerade: no justerare point.
 */
export function proposeDraftAgenda(input: DraftAgendaInput): DraftItem[] {
  const { meeting } = input;
  const reference = draftReferenceDate(meeting);
  const samverkan = meeting.group === 'samverkansgrupp';
  const chair = input.people.find((p) => p.roles.includes(samverkan ? 'ordforande' : 'samordnare'))?.id;
  const coordinator = input.people.find((p) => p.roles.includes('samordnare'))?.id;
  const items: Proposed[] = [withPresenter(standing('information', 'Mötets öppnande'), chair)];
  if (samverkan) items.push(standing('beslut', 'Val av två justerare'));
  items.push(
    standing('beslut', 'Godkännande av dagordningen'),
    standing('anmalan', samverkan ? 'Föregående protokoll' : 'Föregående minnesanteckningar'),
  );
  items.push(...proposalItems(input, reference), ...followUpItems(input), ...assignmentItems(input, reference));
  if (samverkan) {
    items.push(
      withPresenter(
        {
          kind: 'information',
          title: 'Ekonomisk lägesrapport',
          text: `Budget och utfall ${meeting.year}.`,
          source: { kind: 'ekonomi', label: `Budget ${meeting.year}` },
        },
        coordinator,
      ),
    );
  }
  items.push({
    kind: 'beslut',
    title: 'Nästa möte',
    text: nextMeetingText(meeting, reference, input.nextMeeting),
    source: { kind: 'nasta_mote', label: 'Mötesrytmen' },
  });
  items.push(
    standing('diskussion', 'Övriga frågor'),
    withPresenter(standing('information', 'Mötets avslutande'), chair),
  );
  return items.map((item, index) => ({ id: `p${index + 1}`, ...item, documents: [] }));
}

/** A point as an editor sends it: no id for a new point; the source and the handlingar stay the server's. */
export interface EditedDraftItem {
  id?: string;
  kind: DraftItemKind;
  title: string;
  text?: string;
  presenterId?: string;
}

function nextId(items: readonly { id?: string }[]): () => string {
  let n = Math.max(0, ...items.map((i) => Number(/^p(\d+)$/.exec(i.id ?? '')?.[1] ?? 0)));
  return () => `p${++n}`;
}

/**
 * Applies an editor's dagordning (the whole list, in its new order) to the current one: kept points keep their
 * source and handlingar, new points get an id and the editor as source. A point with handlingar is not removed
 * (its files would be orphaned): the editor deletes them first. Föredragande must be people of Kontakter.
 */
export function applyAgendaEdit(
  current: readonly DraftItem[],
  edited: readonly EditedDraftItem[],
  knownPeople: ReadonlySet<string>,
): DraftItem[] {
  if (edited.length > DRAFT_MAX_ITEMS) {
    throw new DomainRuleError('DRAFT_TOO_MANY_ITEMS', `Dagordningen får ha högst ${DRAFT_MAX_ITEMS} punkter.`);
  }
  const byId = new Map(current.map((item) => [item.id, item]));
  const seen = new Set<string>();
  const fresh = nextId(current);
  const result = edited.map((edit): DraftItem => {
    if (edit.presenterId !== undefined && !knownPeople.has(edit.presenterId)) {
      throw new DomainRuleError('DRAFT_PRESENTER', `Föredraganden för ”${edit.title}” finns inte i kontaktlistan.`);
    }
    const fields = {
      kind: edit.kind,
      title: edit.title,
      ...(edit.text ? { text: edit.text } : {}),
      ...(edit.presenterId ? { presenterId: edit.presenterId } : {}),
    };
    if (edit.id === undefined)
      return { id: fresh(), ...fields, source: { kind: 'redaktor', label: 'Tillagd' }, documents: [] };
    const kept = byId.get(edit.id);
    if (!kept || seen.has(edit.id)) {
      throw new DomainRuleError('DRAFT_ITEM_UNKNOWN', `Punkten ”${edit.title}” finns inte i dagordningen.`);
    }
    seen.add(edit.id);
    return { id: kept.id, ...fields, source: kept.source, documents: kept.documents };
  });
  const orphaned = current.find((item) => !seen.has(item.id) && item.documents.length > 0);
  if (orphaned) {
    throw new DomainRuleError(
      'DRAFT_ITEM_HAS_DOCUMENTS',
      `Punkten ”${orphaned.title}” har handlingar. Ta bort handlingarna innan du tar bort punkten.`,
    );
  }
  return result;
}

/** Refuses a handling over the limits before anything is uploaded: per file, per point, per meeting. */
export function assertDocumentRoom(items: readonly DraftItem[], itemId: string, size: number): DraftItem {
  const item = items.find((i) => i.id === itemId);
  if (!item) throw new DomainRuleError('DRAFT_ITEM_UNKNOWN', 'Punkten finns inte i dagordningen.');
  const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;
  if (size === 0) throw new DomainRuleError('DOCUMENT_EMPTY', 'Filen är tom.');
  if (size > DRAFT_DOCUMENT_LIMITS.fileBytes) {
    throw new DomainRuleError(
      'DOCUMENT_TOO_LARGE',
      `En handling får vara högst ${mb(DRAFT_DOCUMENT_LIMITS.fileBytes)}.`,
    );
  }
  if (item.documents.length >= DRAFT_DOCUMENT_LIMITS.perItem) {
    throw new DomainRuleError(
      'DOCUMENT_ITEM_FULL',
      `Punkten ”${item.title}” har redan ${DRAFT_DOCUMENT_LIMITS.perItem} handlingar, det högsta antalet.`,
    );
  }
  const total = items.reduce((sum, i) => sum + i.documents.length, 0);
  if (total >= DRAFT_DOCUMENT_LIMITS.perMeeting) {
    throw new DomainRuleError(
      'DOCUMENT_MEETING_FULL',
      `Mötet har redan ${DRAFT_DOCUMENT_LIMITS.perMeeting} handlingar, det högsta antalet.`,
    );
  }
  return item;
}

/** "Beslut · Föredragande: Karin Nordström" under a point of the kallelse. */
export function draftItemNote(item: Pick<DraftItem, 'kind'>, presenterName?: string): string {
  return `${DRAFT_ITEM_KIND_LABELS[item.kind]}${presenterName ? ` · Föredragande: ${presenterName}` : ''}`;
}

/** The kallelse's dagordning from the draft's points: numbered, föredragande named, each with its handlingar. */
export function draftAgendaItems(
  items: readonly DraftItem[],
  nameOf: (personId: string) => string | undefined,
): AgendaItem[] {
  return items.map((item, index) => ({
    number: index + 1,
    kind: item.kind,
    title: item.title,
    ...(item.text ? { details: item.text } : {}),
    note: draftItemNote(item, item.presenterId ? nameOf(item.presenterId) : undefined),
    documents: item.documents.map((doc) => ({ title: doc.name, url: doc.webUrl })),
  }));
}
