import { assignmentDueState, type AssignmentStatus } from './assignments';
import type { IsoDate } from './calendar';
import { seasonOf, seasonWindow, type MeetingGroup, type Season } from './meetings';
import { isLockedStatus, type ProtocolKind } from './protocolKind';
import { isMyTurn, signerStep } from './protocolTurn';
import type { Role } from './roles';
import { samverkansgruppBehind, stodgruppBehind, yearRhythm, type RhythmMeeting, type YearRhythm } from './yearRhythm';

/**
 * "Att göra" for the signed-in person, derived from the data as it is now (never from what the role may do):
 * each item says what waits, points to the page where it is done and is gone once it is done.
 */
export type TodoItem =
  /** The chair: the samverkansgrupp meeting of the coming season is not called yet. */
  | { kind: 'callSeasonMeeting'; page: 'moten'; season: Season; year: number }
  /** The signer whose turn it is (secretary, chair, then the justerare): a protokoll waits for their approval. */
  | {
      kind: 'approveProtocol';
      page: 'moten';
      meetingId: string;
      meetingTitle: string;
      date: IsoDate;
      /** The person's part: the secretary and the chair godkänner, the justerare justerar. */
      step: 'sekreterare' | 'ordforande' | 'justerare';
      /** Minnesanteckningar: the secretary fastställer them (absent: a protokoll). */
      document?: ProtocolKind;
    }
  /** The samordnare: a locked record (justerat, fastställda) whose meeting is not filed yet ("Arkivera mötet"). */
  | {
      kind: 'archiveProtocol';
      page: 'moten';
      meetingId: string;
      meetingTitle: string;
      date: IsoDate;
      /** Minnesanteckningar (absent: a protokoll). */
      document?: ProtocolKind;
    }
  /** An invited person: their answer to a kallelse is missing. */
  | { kind: 'answerKallelse'; page: 'moten'; meetingId: string; meetingTitle: string; date: IsoDate }
  /** The samordnare: proposals waiting for samverkansgruppen's decision. */
  | { kind: 'decideProposals'; page: 'beslut'; count: number }
  /** The samordnare: organisations whose co-financing of the year is unpaid, partly paid or has no line. */
  | { kind: 'coFinancingGaps'; page: 'budget'; year: number; count: number }
  /**
   * The chair and the samordnare: the year is behind the agreement's rhythm ("Stödgruppen har haft 2 av
   * cirka 6 möten i år"; samverkansgruppen's spring or autumn meeting missing once its window has ended).
   */
  | {
      kind: 'yearRhythm';
      page: 'moten';
      group: MeetingGroup;
      year: number;
      held: number;
      called: number;
      target: number;
      /** Samverkansgruppen: the seasons whose window ended without a meeting. */
      missingSeasons: Season[];
    }
  /** The owner of an uppdrag (#17): it is due within a week, or overdue. */
  | {
      kind: 'assignmentDue';
      page: 'oversikt';
      assignmentId: string;
      description: string;
      due: IsoDate;
      overdue: boolean;
    };

export type TodoKind = TodoItem['kind'];

export interface TodoMeeting {
  id: string;
  group: MeetingGroup;
  date: IsoDate;
  season?: Season;
  status?: string;
  extraMeeting?: boolean;
}

export interface TodoProtocol {
  meetingId: string;
  meetingTitle: string;
  /** The meeting's day (Stockholm). */
  date: IsoDate;
  status: string;
  secretaryEmail: string;
  chairEmail: string;
  adjusterEmails: readonly string[];
  approvedByEmails: readonly string[];
  /** The meeting is filed in the archive (its folder linked from Möten); unknown counts as filed. */
  archived?: boolean;
  /** Stödgruppen's minnesanteckningar (the meeting's group, protocolKind); absent: a protokoll. */
  document?: ProtocolKind;
}

export interface TodoInvitation {
  meetingId: string;
  meetingTitle: string;
  date: IsoDate;
  /** Who has been invited and not answered (e-mail addresses). */
  notAnsweredEmails: readonly string[];
}

export interface TodoInput {
  today: IsoDate;
  person: { email: string; roles: readonly Role[] };
  /** The meeting register (any group, any status). */
  meetings: readonly TodoMeeting[];
  protocols: readonly TodoProtocol[];
  /** Upcoming meetings with a kallelse sent. */
  invitations: readonly TodoInvitation[];
  /** Proposals not decided yet (read for the samordnare only). */
  openProposals?: number;
  /** The year's co-financing gaps (read for the samordnare only). */
  coFinancing?: { year: number; gaps: number };
}

/** The season whose samverkansgrupp meeting is the next to be held: the current one until its window has ended. */
export function comingSeason(today: IsoDate): { season: Season; year: number } {
  const year = Number(today.slice(0, 4));
  if (today <= seasonWindow(year, 'var').end) return { season: 'var', year };
  if (today <= seasonWindow(year, 'host').end) return { season: 'host', year };
  return { season: 'var', year: year + 1 };
}

/** Whether the season's ordinary samverkansgrupp meeting is called (cancelled and extra meetings do not count). */
export function seasonMeetingCalled(meetings: readonly TodoMeeting[], season: Season, year: number): boolean {
  return meetings.some(
    (m) =>
      m.group === 'samverkansgrupp' &&
      m.status !== 'installt' &&
      !m.extraMeeting &&
      Number(m.date.slice(0, 4)) === year &&
      (m.season ?? seasonOf(m.date)) === season,
  );
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Only the signer whose turn it is sees the protokoll as waiting for them (#16), until they have approved: their
 * part in it, or undefined when it is not their turn.
 */
function myTurnToApprove(
  protocol: TodoProtocol,
  email: string,
): 'sekreterare' | 'ordforande' | 'justerare' | undefined {
  const norm = (value: string) => value.trim().toLowerCase();
  const signers = {
    kind: protocol.document,
    secretaryId: norm(protocol.secretaryEmail),
    chairId: norm(protocol.chairEmail),
    adjusters: protocol.adjusterEmails.map(norm),
    approvals: protocol.approvedByEmails.map((approved) => ({ personId: norm(approved) })),
  };
  return isMyTurn(signers, norm(email)) ? signerStep(signers, norm(email)) : undefined;
}

export function deriveTodos(input: TodoInput): TodoItem[] {
  const { person, today } = input;
  const items: TodoItem[] = [];
  const has = (role: Role) => person.roles.includes(role);

  if (has('ordforande')) {
    const { season, year } = comingSeason(today);
    if (!seasonMeetingCalled(input.meetings, season, year)) {
      items.push({ kind: 'callSeasonMeeting', page: 'moten', season, year });
    }
  }

  for (const protocol of input.protocols) {
    if (isLockedStatus(protocol.status)) continue;
    const step = myTurnToApprove(protocol, person.email);
    if (!step) continue;
    // A protokoll cannot be approved before its meeting has been held.
    if (protocol.date > today) continue;
    const { meetingId, meetingTitle, date } = protocol;
    const document = protocol.document === 'minnesanteckningar' ? { document: protocol.document } : {};
    items.push({ kind: 'approveProtocol', page: 'moten', meetingId, meetingTitle, date, step, ...document });
  }

  for (const invitation of [...input.invitations].sort((a, b) => a.date.localeCompare(b.date))) {
    if (invitation.date < today) continue;
    if (!invitation.notAnsweredEmails.some((email) => same(email, person.email))) continue;
    const { meetingId, meetingTitle, date } = invitation;
    items.push({ kind: 'answerKallelse', page: 'moten', meetingId, meetingTitle, date });
  }

  if (has('samordnare')) {
    if ((input.openProposals ?? 0) > 0) {
      items.push({ kind: 'decideProposals', page: 'beslut', count: input.openProposals ?? 0 });
    }
    for (const protocol of input.protocols) {
      if (!isLockedStatus(protocol.status) || protocol.archived !== false) continue;
      const { meetingId, meetingTitle, date } = protocol;
      const document = protocol.document === 'minnesanteckningar' ? { document: protocol.document } : {};
      items.push({ kind: 'archiveProtocol', page: 'moten', meetingId, meetingTitle, date, ...document });
    }
    if (input.coFinancing && input.coFinancing.gaps > 0) {
      const { year, gaps } = input.coFinancing;
      items.push({ kind: 'coFinancingGaps', page: 'budget', year, count: gaps });
    }
  }
  return items;
}

/**
 * For the chair and the samordnare, who prepare the meetings: what of this year's rhythm is behind on `today`
 * (yearRhythm.ts), from the meeting register.
 */
export function yearRhythmTodos(input: {
  today: IsoDate;
  person: { roles: readonly Role[] };
  meetings: readonly RhythmMeeting[];
}): TodoItem[] {
  const { roles } = input.person;
  if (!roles.includes('ordforande') && !roles.includes('samordnare')) return [];
  return rhythmTodos(yearRhythm(Number(input.today.slice(0, 4)), input.meetings, input.today));
}

/** What of the year's rhythm is behind, as "Att göra" items (samverkansgruppen first). */
export function rhythmTodos(rhythm: YearRhythm): TodoItem[] {
  const items: TodoItem[] = [];
  const { year, samverkansgrupp: sg, stodgrupp: st } = rhythm;
  const item = (group: MeetingGroup, c: { held: number; called: number; target: number }, missing: Season[]) => ({
    kind: 'yearRhythm' as const,
    page: 'moten' as const,
    group,
    year,
    held: c.held,
    called: c.called,
    target: c.target,
    missingSeasons: missing,
  });
  if (samverkansgruppBehind(rhythm)) items.push(item('samverkansgrupp', sg, sg.missingSeasons));
  if (stodgruppBehind(rhythm)) items.push(item('stodgrupp', st, []));
  return items;
}

/** An uppdrag as "Att göra" needs it: the signed-in person's own (or their arbetsgrupp's). */
export interface TodoAssignment {
  id: string;
  description: string;
  due: IsoDate;
  status: AssignmentStatus;
}

/** The owner's uppdrag due within a week or overdue, overdue and earliest first. */
export function assignmentTodos(assignments: readonly TodoAssignment[], today: IsoDate): TodoItem[] {
  return assignments
    .map((a) => ({ a, state: assignmentDueState(a, today) }))
    .filter(({ state }) => state === 'overdue' || state === 'dueSoon')
    .sort((x, y) => x.a.due.localeCompare(y.a.due))
    .map(({ a, state }) => ({
      kind: 'assignmentDue' as const,
      page: 'oversikt' as const,
      assignmentId: a.id,
      description: a.description,
      due: a.due,
      overdue: state === 'overdue',
    }));
}
