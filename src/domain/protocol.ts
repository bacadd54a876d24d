import { z } from 'zod';
import type { Agenda } from './agenda';
import type { Decision } from './decisions';
import { DomainRuleError, DomainValidationError, type ValidationIssue } from './errors';
import type { Meeting } from './meetings';
import type { MinutesItem } from './minutes';
import { PROTOCOL_KIND_RULES, isLockedStatus, protocolKind, type ProtocolKind } from './protocolKind';
import { idSchema, parseOrThrow } from './validation';

/** `faststallt`: stödgruppen's minnesanteckningar, fastställda by the secretary (protocolKind.ts). */
export const PROTOCOL_STATUSES = ['utkast', 'justerat', 'faststallt'] as const;
export type ProtocolStatus = (typeof PROTOCOL_STATUSES)[number];

export const PROTOCOL_STATUS_LABELS: Record<ProtocolStatus, { sv: string; en: string }> = {
  utkast: { sv: 'Utkast, ej justerat', en: 'Draft, not approved' },
  justerat: { sv: 'Justerat', en: 'Approved' },
  faststallt: { sv: 'Fastställda', en: 'Confirmed' },
};

export interface Attendance {
  personId: string;
  present: boolean;
}

export interface ProtocolApproval {
  personId: string;
  /** UTC instant. */
  at: string;
}

export interface Protocol {
  id: string;
  /** Absent: a protokoll. Minnesanteckningar have no chair (`chairId` '') and no justerare. */
  kind?: ProtocolKind;
  meeting: Meeting;
  status: ProtocolStatus;
  attendance: Attendance[];
  decisions: Decision[];
  agenda: Agenda;
  secretaryId: string;
  chairId: string;
  adjusters: string[];
  /** Protokoll: the secretary's, the chair's and the justerare's; minnesanteckningar: the secretary's fastställande. */
  approvals: ProtocolApproval[];
  lockedAt?: string;
  /** The secretary is a stand-in the group chose at the meeting (recorded; printed as such). */
  secretaryChosenByMeeting?: boolean;
  /** The points of the protokoll and the secretary's notes per point (minutes.ts); else the agenda's points. */
  minutes?: { items: MinutesItem[]; notes: Record<string, string> };
}

export interface DraftProtocolInput {
  id: string;
  meeting: Meeting;
  attendance: readonly Attendance[];
  decisions: readonly Decision[];
  agenda: Agenda;
  secretaryId: string;
  chairId: string;
  adjusters: readonly [string, string] | readonly string[];
}

/** The record of any meeting: chair and justerare only where the meeting's kind has justering. */
export type DraftRecordInput = Omit<DraftProtocolInput, 'chairId' | 'adjusters'> & {
  chairId?: string | undefined;
  adjusters?: readonly string[] | undefined;
};

/** Närvaro as a record lists it: who, present or not (the protokoll and the minnesanteckningar). */
export const attendanceListSchema = z.array(
  z.object({
    personId: idSchema,
    present: z.boolean({ error: 'Närvaro anges som true eller false.' }),
  }),
  { error: 'Närvaron måste anges som en lista.' },
);

const draftSchema = z.object({
  id: idSchema,
  attendance: attendanceListSchema,
  secretaryId: idSchema,
  chairId: z.string({ error: 'Ange mötesordföranden.' }).trim().min(1, 'Ange mötesordföranden.'),
  adjusters: z
    .array(idSchema, { error: 'Protokollet ska justeras av exakt två justerare.' })
    .length(2, 'Protokollet ska justeras av exakt två justerare.'),
});

function checkedDraft(input: DraftProtocolInput): Omit<Protocol, 'status' | 'approvals'> {
  const parsed = parseOrThrow(draftSchema, {
    id: input.id,
    attendance: input.attendance,
    secretaryId: input.secretaryId,
    chairId: input.chairId,
    adjusters: input.adjusters,
  });
  const { meeting } = input;
  const { issues, mustBePresent } = recordIssues(input, parsed.attendance);
  mustBePresent(parsed.secretaryId, 'secretaryId', 'Sekreteraren');
  mustBePresent(parsed.chairId, 'chairId', 'Mötesordföranden');
  const [first, second] = parsed.adjusters as [string, string];
  if (first === second) issues.push({ path: 'adjusters', message: 'Justerarna måste vara två olika personer.' });
  parsed.adjusters.forEach((adjusterId, index) => {
    mustBePresent(adjusterId, `adjusters.${index}`, 'Justeraren');
    if (adjusterId === parsed.secretaryId) {
      issues.push({ path: `adjusters.${index}`, message: 'Sekreteraren kan inte vara justerare.' });
    }
    if (adjusterId === parsed.chairId) {
      issues.push({
        path: `adjusters.${index}`,
        message: 'Mötesordföranden kan inte vara justerare; justerarna granskar protokollet jämte ordföranden.',
      });
    }
  });
  if (issues.length > 0) throw new DomainValidationError(issues);
  return {
    id: parsed.id,
    meeting: { ...meeting },
    attendance: parsed.attendance,
    decisions: input.decisions.map((decision) => ({ ...decision })),
    agenda: structuredClone(input.agenda),
    secretaryId: parsed.secretaryId,
    chairId: parsed.chairId,
    adjusters: [first, second],
  };
}

/**
 * What every meeting record checks (a protokoll and minnesanteckningar alike): the meeting was not cancelled, each
 * person once in the närvaro, the decisions and the dagordning are this meeting's. `mustBePresent` adds the issue
 * of a role not present.
 */
export function recordIssues(
  input: Pick<DraftProtocolInput, 'meeting' | 'decisions' | 'agenda'>,
  attendance: readonly Attendance[],
) {
  const { meeting } = input;
  if (meeting.status === 'installt') {
    throw new DomainRuleError('MEETING_CANCELLED', 'Mötet är inställt; det finns inget protokoll att föra.');
  }
  const issues: ValidationIssue[] = [];
  const presence = new Map<string, boolean>();
  attendance.forEach((row, index) => {
    if (presence.has(row.personId)) {
      issues.push({ path: `attendance.${index}.personId`, message: 'En person står flera gånger i närvaron.' });
    }
    presence.set(row.personId, row.present);
  });
  const mustBePresent = (personId: string, path: string, role: string) => {
    if (presence.get(personId) !== true) issues.push({ path, message: `${role} måste vara närvarande vid mötet.` });
  };
  input.decisions.forEach((decision, index) => {
    if (decision.meetingId !== meeting.id) {
      issues.push({
        path: `decisions.${index}`,
        message: `Beslutet ”${decision.text.slice(0, 60)}” fattades inte vid det här mötet.`,
      });
    }
  });
  if (new Set(input.decisions.map((d) => d.id)).size !== input.decisions.length) {
    issues.push({ path: 'decisions', message: 'Samma beslut förekommer flera gånger.' });
  }
  if (input.agenda.meetingId !== undefined && input.agenda.meetingId !== meeting.id) {
    issues.push({ path: 'agenda', message: 'Dagordningen hör till ett annat möte.' });
  }
  return { issues, mustBePresent };
}

/**
 * Drafts the protokoll. Two different justerare are appointed; both must have been present, and neither
 * may be the secretary (who writes it) or the chair (who signs it anyway).
 */
export function draftProtocol(input: DraftProtocolInput): Protocol {
  if (protocolKind(input.meeting.group) !== 'protokoll') {
    throw new DomainRuleError(
      'MINUTES_NOT_PROTOCOL',
      'Stödgruppen för minnesanteckningar, som sekreteraren fastställer; de justeras inte.',
    );
  }
  return { ...checkedDraft(input), status: 'utkast', approvals: [] };
}

/** A locked record (justerat, fastställda) is refused any change, in the words of its kind. */
export function assertUnlocked(protocol: Protocol): void {
  if (isLockedStatus(protocol.status)) {
    throw new DomainRuleError('PROTOCOL_LOCKED', PROTOCOL_KIND_RULES[protocol.kind ?? 'protokoll'].lockedRefusal);
  }
}

export type ProtocolRevision = Partial<Omit<DraftProtocolInput, 'id' | 'meeting'>>;

/**
 * Edits a draft. Any earlier approval is withdrawn, since a justerare approved a text that no longer exists.
 */
export function reviseProtocol(protocol: Protocol, changes: ProtocolRevision): Protocol {
  assertUnlocked(protocol);
  if (protocol.kind === 'minnesanteckningar') {
    throw new DomainRuleError('MINUTES_NOT_PROTOCOL', 'Minnesanteckningarna har ingen ordförande eller justerare.');
  }
  const draft = checkedDraft({
    id: protocol.id,
    meeting: protocol.meeting,
    attendance: changes.attendance ?? protocol.attendance,
    decisions: changes.decisions ?? protocol.decisions,
    agenda: changes.agenda ?? protocol.agenda,
    secretaryId: changes.secretaryId ?? protocol.secretaryId,
    chairId: changes.chairId ?? protocol.chairId,
    adjusters: changes.adjusters ?? protocol.adjusters,
  });
  return { ...draft, status: 'utkast', approvals: [] };
}
