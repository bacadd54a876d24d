import { agendaWhen } from './agenda';
import { formatDateSv, formatDateTimeSv, toIsoDate } from './calendar';
import { DECISION_KIND_LABELS, FOLLOW_UP_LABELS, type Decision } from './decisions';
import { MEETING_GROUP_LABELS, convenerRole } from './meetings';
import type { Organisation } from './organisations';
import type { Person } from './people';
import { PROTOCOL_STATUS_LABELS, type Protocol } from './protocol';
import { ROLE_LABELS } from './roles';

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
