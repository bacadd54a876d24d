import { z } from 'zod';
import type { Agenda } from './agenda';
import type { Decision } from './decisions';
import { DomainRuleError, DomainValidationError, type ValidationIssue } from './errors';
import type { Meeting } from './meetings';
import type { MinutesItem } from './minutes';
import { idSchema, parseOrThrow } from './validation';

export const PROTOCOL_STATUSES = ['utkast', 'justerat'] as const;
export type ProtocolStatus = (typeof PROTOCOL_STATUSES)[number];

export const PROTOCOL_STATUS_LABELS: Record<ProtocolStatus, { sv: string; en: string }> = {
  utkast: { sv: 'Utkast, ej justerat', en: 'Draft, not approved' },
  justerat: { sv: 'Justerat', en: 'Approved' },
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
  meeting: Meeting;
  status: ProtocolStatus;
  attendance: Attendance[];
  decisions: Decision[];
  agenda: Agenda;
  secretaryId: string;
  chairId: string;
  adjusters: [string, string];
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

const draftSchema = z.object({
  id: idSchema,
  attendance: z.array(
    z.object({
      personId: idSchema,
      present: z.boolean({ error: 'Närvaro anges som true eller false.' }),
    }),
    { error: 'Närvaron måste anges som en lista.' },
  ),
  secretaryId: idSchema,
  chairId: idSchema,
  adjusters: z
    .array(idSchema, { error: 'Justerarna måste anges som en lista.' })
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
  if (meeting.status === 'installt') {
    throw new DomainRuleError('MEETING_CANCELLED', 'Mötet är inställt; det finns inget protokoll att föra.');
  }
  const issues: ValidationIssue[] = [];
  const presence = new Map<string, boolean>();
  parsed.attendance.forEach((row, index) => {
    if (presence.has(row.personId)) {
      issues.push({ path: `attendance.${index}.personId`, message: 'En person står flera gånger i närvaron.' });
    }
    presence.set(row.personId, row.present);
  });
  const mustBePresent = (personId: string, path: string, role: string) => {
    if (presence.get(personId) !== true) issues.push({ path, message: `${role} måste vara närvarande vid mötet.` });
  };
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
 * Drafts the protokoll. Two different justerare are appointed; both must have been present, and neither
 * may be the secretary (who writes it) or the chair (who signs it anyway).
 */
export function draftProtocol(input: DraftProtocolInput): Protocol {
  return { ...checkedDraft(input), status: 'utkast', approvals: [] };
}

export function assertUnlocked(protocol: Protocol): void {
  if (protocol.status === 'justerat') {
    throw new DomainRuleError('PROTOCOL_LOCKED', 'Protokollet är justerat och kan inte ändras.');
  }
}

export type ProtocolRevision = Partial<Omit<DraftProtocolInput, 'id' | 'meeting'>>;

/**
 * Edits a draft. Any earlier approval is withdrawn, since a justerare approved a text that no longer exists.
 */
export function reviseProtocol(protocol: Protocol, changes: ProtocolRevision): Protocol {
  assertUnlocked(protocol);
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
