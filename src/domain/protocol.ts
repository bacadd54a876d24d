import { DateTime } from 'luxon';
import { z } from 'zod';
import { agendaWhen, type Agenda } from './agenda';
import { formatDateSv, formatDateTimeSv, toIsoDate } from './calendar';
import { DECISION_KIND_LABELS, FOLLOW_UP_LABELS, type Decision } from './decisions';
import { DomainRuleError, DomainValidationError, type ValidationIssue } from './errors';
import { MEETING_GROUP_LABELS, convenerRole, type Meeting } from './meetings';
import type { Organisation } from './organisations';
import type { Person } from './people';
import { ROLE_LABELS } from './roles';
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

function assertUnlocked(protocol: Protocol): void {
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

const atSchema = z
  .string({ error: 'Tidpunkten saknas.' })
  .refine((value) => /T.+(Z|[+-]\d{2}:?\d{2})$/.test(value) && DateTime.fromISO(value).isValid, {
    message: 'Tidpunkten måste vara en tidpunkt med tidszon.',
  });

/**
 * A justerare approves. Each appointed justerare approves once, not before the meeting has begun; the
 * second approval makes the protocol justerat and locks it.
 */
export function approveProtocol(protocol: Protocol, personId: string, at: string): Protocol {
  const when = parseOrThrow(atSchema, at);
  assertUnlocked(protocol);
  if (!protocol.adjusters.includes(personId)) {
    throw new DomainRuleError('NOT_AN_ADJUSTER', 'Endast en utsedd justerare kan justera protokollet.');
  }
  if (protocol.approvals.some((approval) => approval.personId === personId)) {
    throw new DomainRuleError('ALREADY_APPROVED', 'Du har redan justerat protokollet.');
  }
  const instant = DateTime.fromISO(when, { setZone: true }).toUTC();
  if (instant < DateTime.fromISO(protocol.meeting.startUtc, { setZone: true })) {
    throw new DomainRuleError('APPROVAL_BEFORE_MEETING', 'Protokollet kan inte justeras innan mötet har hållits.');
  }
  const atUtc = instant.toISO({ suppressMilliseconds: true }) as string;
  const approvals = [...protocol.approvals.map((a) => ({ ...a })), { personId, at: atUtc }];
  const done = protocol.adjusters.every((adjusterId) => approvals.some((a) => a.personId === adjusterId));
  return {
    ...protocol,
    approvals,
    ...(done ? { status: 'justerat' as const, lockedAt: atUtc } : {}),
  };
}

export function isLocked(protocol: Protocol): boolean {
  return protocol.status === 'justerat';
}

// ---------------------------------------------------------------- print structure

export interface LabelledValue {
  label: string;
  value: string;
}

export interface AttendanceGroup {
  organisationId?: string;
  organisation: string;
  present: string[];
  absent: string[];
}

export interface ProtocolParagraph {
  /** "§1", "§2", … */
  paragraph: string;
  kind: string;
  text: string;
  followUp?: string;
}

export interface ProtocolSignature {
  role: string;
  name: string;
  /** For justerare: "Justerat 2026-10-28" or "Ej justerat". */
  signed?: string;
  /** When this person approved, in Stockholm time ("onsdag 28 oktober 2026 kl. 14:05"); absent if not. */
  approved?: string;
}

export interface ProtocolSections {
  title: string;
  status: string;
  kallelse: LabelledValue[];
  dagordning: string[];
  narvaro: AttendanceGroup[];
  beslut: ProtocolParagraph[];
  justering: ProtocolSignature[];
}

/**
 * Everything the PDF needs, in print order and in Swedish. Attendance is grouped per organisation in
 * the order of the organisation list; decisions are numbered in agenda order (decisions on proposals
 * follow their agenda item; the rest keep their given order after them).
 */
export function protocolSections(
  protocol: Protocol,
  people: readonly Person[],
  organisations: readonly Organisation[],
): ProtocolSections {
  const personById = new Map(people.map((person) => [person.id, person]));
  const nameOf = (personId: string) => personById.get(personId)?.displayName ?? 'Okänd person';
  const { meeting, agenda } = protocol;
  const groupLabel = MEETING_GROUP_LABELS[meeting.group].sv;

  const kallelse: LabelledValue[] = [
    { label: 'Grupp', value: groupLabel },
    { label: 'Möte', value: meeting.title },
    { label: 'Tid', value: agendaWhen(meeting) },
    ...(meeting.location ? [{ label: 'Plats', value: meeting.location }] : []),
    { label: 'Kallade av', value: ROLE_LABELS[convenerRole(meeting.group)].sv },
    { label: 'Ordförande', value: nameOf(protocol.chairId) },
    { label: 'Sekreterare', value: nameOf(protocol.secretaryId) },
  ];

  const narvaro = narvaroSection(protocol, organisations, personById, nameOf);
  const beslut = beslutSection(protocol, nameOf);

  const approvalOf = (personId: string) => protocol.approvals.find((a) => a.personId === personId);
  const approved = (personId: string) => {
    const approval = approvalOf(personId);
    return approval ? { approved: formatDateTimeSv(approval.at) } : {};
  };
  const justering: ProtocolSignature[] = [
    { role: 'Sekreterare', name: nameOf(protocol.secretaryId), ...approved(protocol.secretaryId) },
    { role: 'Ordförande', name: nameOf(protocol.chairId), ...approved(protocol.chairId) },
    ...protocol.adjusters.map((adjusterId) => {
      const approval = approvalOf(adjusterId);
      return {
        role: 'Justerare',
        name: nameOf(adjusterId),
        signed: approval ? `Justerat ${toIsoDate(approval.at)}` : 'Ej justerat',
        ...approved(adjusterId),
      };
    }),
  ];

  return {
    title: `Protokoll – ${groupLabel} ${formatDateSv(meeting.date)}`,
    status:
      protocol.status === 'justerat' && protocol.lockedAt
        ? `Justerat ${toIsoDate(protocol.lockedAt)}`
        : PROTOCOL_STATUS_LABELS.utkast.sv,
    kallelse,
    dagordning: agenda.items.map((item) => `${item.number}. ${item.title}`),
    narvaro,
    beslut,
    justering,
  };
}

/**
 * The protokoll's content as one canonical text, the input of the SHA-256 its PDF prints: the printed
 * sections (title, kallelse, dagordning, närvaro, beslut) as JSON with keys sorted at every level, no
 * whitespace, UTF-8. The status and the justering (who approved when) are left out: the checksum names the
 * text that was approved, and stays the same when the approvals are added to it.
 */
export function protocolContentJson(sections: ProtocolSections): string {
  const { title, kallelse, dagordning, narvaro, beslut } = sections;
  return canonicalJson({ title, kallelse, dagordning, narvaro, beslut });
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Närvaro: present and absent per organisation, names in Swedish order; unknown people last. */
function narvaroSection(
  protocol: Protocol,
  organisations: readonly Organisation[],
  personById: ReadonlyMap<string, Person>,
  nameOf: (personId: string) => string,
): ProtocolSections['narvaro'] {
  const groups = new Map<string, AttendanceGroup>();
  for (const org of organisations)
    groups.set(org.id, { organisationId: org.id, organisation: org.name, present: [], absent: [] });
  const unknown: AttendanceGroup = { organisation: 'Okänd organisation', present: [], absent: [] };
  for (const row of protocol.attendance) {
    const person = personById.get(row.personId);
    const group = (person && groups.get(person.organisationId)) || unknown;
    (row.present ? group.present : group.absent).push(nameOf(row.personId));
  }
  return [...groups.values(), unknown]
    .filter((group) => group.present.length + group.absent.length > 0)
    .map((group) => ({
      ...group,
      present: group.present.sort((a, b) => a.localeCompare(b, 'sv')),
      absent: group.absent.sort((a, b) => a.localeCompare(b, 'sv')),
    }));
}

/** Beslut in the agenda's order (decisions without an agenda item last), numbered §1, §2, … */
function beslutSection(protocol: Protocol, nameOf: (personId: string) => string): ProtocolSections['beslut'] {
  const agendaOrder = new Map<string, number>();
  protocol.agenda.items.forEach((item) => {
    if (item.proposalId) agendaOrder.set(item.proposalId, item.number);
  });
  const orderOf = (decision: Decision) =>
    (decision.proposalId ? agendaOrder.get(decision.proposalId) : undefined) ?? Number.MAX_SAFE_INTEGER;
  return protocol.decisions
    .map((decision, index) => ({ decision, index }))
    .sort((a, b) => orderOf(a.decision) - orderOf(b.decision) || a.index - b.index)
    .map(({ decision }, index) => {
      const followUpParts = [
        decision.ownerPersonId ? `Ansvarig: ${nameOf(decision.ownerPersonId)}` : undefined,
        decision.followUpDue ? `Följs upp senast ${decision.followUpDue}` : undefined,
      ].filter((part): part is string => part !== undefined);
      return {
        paragraph: `§${index + 1}`,
        kind: DECISION_KIND_LABELS[decision.kind].sv,
        text: decision.text,
        ...(followUpParts.length > 0
          ? { followUp: `${followUpParts.join('. ')}. Status: ${FOLLOW_UP_LABELS[decision.followUp].sv}.` }
          : {}),
      };
    });
}
