import { agendaWhen } from './agenda';
import { formatDateSv, formatDateTimeSv, toIsoDate } from './calendar';
import { MEETING_GROUP_LABELS, convenerRole } from './meetings';
import { minutesItems, minutesSections, secretaryLabel, type MinutesItemSection } from './minutes';
import type { Organisation } from './organisations';
import type { Person } from './people';
import type { Protocol } from './protocol';
import { PROTOCOL_KIND_RULES, isLockedStatus, type ProtocolKind } from './protocolKind';
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
  /** A protokoll (with its justering page) or minnesanteckningar (a closing line instead). */
  kind: ProtocolKind;
  title: string;
  status: string;
  kallelse: LabelledValue[];
  dagordning: string[];
  narvaro: AttendanceGroup[];
  /** One section per point of the dagordning: its notes and the decisions taken under it (minutes.ts). */
  punkter: MinutesItemSection[];
  /** Decisions under no point of the dagordning. */
  ovrigaBeslut: ProtocolParagraph[];
  /** Every decision in print order (the points', then the others'), as Beslut and the archive list them. */
  beslut: ProtocolParagraph[];
  /** Protokoll: who approved when (empty for minnesanteckningar). */
  justering: ProtocolSignature[];
  /** Minnesanteckningar: "Fastställda av Sara Samordnare onsdag 28 oktober 2026 kl. 14:05" once fastställda. */
  faststallande?: string;
}

/**
 * Everything the PDF needs, in print order and in Swedish. Attendance is grouped per organisation in
 * the order of the organisation list; each point of the dagordning has its section with the secretary's notes
 * and the decisions taken under it, in the points' order (decisions under no point keep their order after them).
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
    ...(protocol.chairId ? [{ label: 'Ordförande', value: nameOf(protocol.chairId) }] : []),
    { label: secretaryLabel(protocol.secretaryChosenByMeeting), value: nameOf(protocol.secretaryId) },
  ];

  const narvaro = narvaroSection(protocol, organisations, personById, nameOf);
  const minutes = protocol.minutes ?? {
    items: minutesItems(undefined, agenda, (id) => personById.get(id)?.displayName),
    notes: {},
  };
  const { punkter, ovrigaBeslut, beslut } = minutesSections(minutes.items, minutes.notes, protocol.decisions, nameOf);

  const closing = closingOf(protocol, nameOf);
  const rules = PROTOCOL_KIND_RULES[closing.kind];
  const locked = isLockedStatus(protocol.status) && protocol.lockedAt;
  return {
    kind: closing.kind,
    title: `${rules.title} – ${groupLabel} ${formatDateSv(meeting.date)}`,
    status: locked ? `${rules.lockedLabel} ${toIsoDate(locked)}` : rules.draftStatus,
    kallelse,
    dagordning: agenda.items.map((item) => `${item.number}. ${item.title}`),
    narvaro,
    punkter,
    ovrigaBeslut,
    beslut,
    justering: closing.justering,
    ...(closing.faststallande ? { faststallande: closing.faststallande } : {}),
  };
}

/** How the record closes: the justering of a protokoll, or who fastställde the minnesanteckningar when. */
function closingOf(
  protocol: Protocol,
  nameOf: (personId: string) => string,
): Pick<ProtocolSections, 'kind' | 'justering' | 'faststallande'> {
  const kind = protocol.kind ?? 'protokoll';
  const approvalOf = (personId: string) => protocol.approvals.find((a) => a.personId === personId);
  if (kind === 'minnesanteckningar') {
    const confirmed = protocol.status === 'faststallt' ? approvalOf(protocol.secretaryId) : undefined;
    return {
      kind,
      justering: [],
      ...(confirmed
        ? { faststallande: `Fastställda av ${nameOf(confirmed.personId)} ${formatDateTimeSv(confirmed.at)}` }
        : {}),
    };
  }
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
  return { kind, justering };
}

/**
 * The protokoll's content as one canonical text, the input of the SHA-256 its PDF prints: the printed
 * sections (title, kallelse, dagordning, närvaro, the points with their notes and decisions, beslut) as JSON with
 * keys sorted at every level, no
 * whitespace, UTF-8. The status and the justering (who approved when) are left out: the checksum names the
 * text that was approved, and stays the same when the approvals are added to it.
 */
export function protocolContentJson(sections: ProtocolSections): string {
  // The fastställande, like the justering, is left out: it is added to the text it names.
  const { title, kallelse, dagordning, narvaro, punkter, ovrigaBeslut, beslut } = sections;
  return canonicalJson({ title, kallelse, dagordning, narvaro, punkter, ovrigaBeslut, beslut });
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
