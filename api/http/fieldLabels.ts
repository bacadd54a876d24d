import type { ValidationIssue } from '../../src/domain';

/**
 * Swedish names of the fields the API accepts, for `issues[].field`: the path (`lines.2.amountOre`) stays
 * for the tab to find the input, the field names it for the person reading the message.
 */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  activityId: 'aktivitet',
  activityIds: 'aktiviteter',
  adjusterEmails: 'justerare',
  adjusters: 'justerare',
  agenda: 'dagordning',
  amount: 'belopp',
  amountOre: 'belopp',
  area: 'samverkansområde',
  assignment: 'uppdrag',
  attendance: 'närvaro',
  attendees: 'deltagare',
  body: 'förfrågan',
  budgetLineId: 'budgetrad',
  budgetedCostOre: 'budgeterad kostnad',
  candidates: 'förslag',
  category: 'kategori',
  chairId: 'ordförande',
  choices: 'val',
  comment: 'kommentar',
  convenerId: 'sammankallande',
  date: 'datum',
  dates: 'datum',
  deadline: 'sista dag',
  decidedOn: 'beslutsdatum',
  decision: 'beslut',
  decisionId: 'beslut',
  description: 'beskrivning',
  displayName: 'namn',
  documents: 'handlingar',
  durationMinutes: 'längd i minuter',
  earliest: 'tidigast',
  latest: 'senast',
  email: 'e-post',
  end: 'slut',
  endDate: 'slutdatum',
  endTime: 'sluttid',
  evaluation: 'utvärdering',
  extraItems: 'extra punkter',
  finalReport: 'slutrapport',
  followUp: 'uppföljning',
  followUpDue: 'uppföljningsdatum',
  from: 'från',
  fullTimeHoursPerYear: 'heltid i timmar per år',
  goals: 'mål',
  group: 'grupp',
  hours: 'timmar',
  hoursPerWorkingDay: 'timmar per arbetsdag',
  id: 'id',
  idempotencyKey: 'förfrågans nyckel',
  'If-Match': 'versionsmärke (If-Match)',
  items: 'punkter',
  kind: 'typ',
  label: 'benämning',
  lessons: 'lärdomar',
  lines: 'budgetrader',
  location: 'plats',
  malsattning: 'målsättning',
  meetingGroup: 'mötesgrupp',
  meetingId: 'möte',
  memberIds: 'medlemmar',
  members: 'medlemmar',
  membershipType: 'medlemskap',
  message: 'meddelande',
  name: 'namn',
  note: 'anteckning',
  notes: 'anteckningar',
  online: 'Teams-möte',
  optional: 'valfri',
  organisationId: 'organisation',
  outcome: 'utfall',
  outsideWindowReason: 'skäl att avvika från säsongen',
  ownerEmail: 'ansvarig',
  ownerPersonId: 'ansvarig',
  participantCount: 'antal deltagare',
  participantFeeOre: 'deltagaravgift',
  participantsByOrganisation: 'deltagare per organisation',
  // Participant counts after the event (#17).
  byOrganisation: 'deltagare per organisation',
  byGender: 'deltagare per kön',
  kvinnor: 'kvinnor',
  man: 'män',
  annat: 'annat/vill ej ange',
  retired: 'används inte längre',
  tagIds: 'ämnestaggar',
  personId: 'person',
  phone: 'telefon',
  present: 'närvarande',
  priorities: 'prioriteringar',
  proposedByPersonId: 'förslagsställare',
  reason: 'skäl',
  response: 'svar',
  responsibleEmail: 'ansvarig',
  responsibleOrganisationId: 'ansvarig organisation',
  responsiblePersonId: 'ansvarig',
  roles: 'roller',
  room: 'rum',
  rows: 'rader',
  season: 'säsong',
  secretaryId: 'sekreterare',
  start: 'start',
  startDate: 'startdatum',
  startTime: 'starttid',
  status: 'status',
  subjectRef: 'ärende',
  summary: 'sammanfattning',
  syfte: 'syfte',
  targetGroup: 'målgrupp',
  targetGroups: 'målgrupper',
  text: 'text',
  title: 'rubrik',
  to: 'till',
  upcoming: 'kommande',
  userId: 'person',
  uppdrag: 'uppdrag',
  url: 'länk',
  vacationDays: 'semesterdagar',
  vote: 'röst',
  votes: 'röster',
  year: 'år',
};

/** `lines.2.amountOre` → "belopp (rad 3 i budgetrader)"; an empty path → "förfrågan". */
export function fieldLabel(path: string): string {
  const segments = path.split('.').filter((segment) => segment !== '');
  if (segments.length === 0) return FIELD_LABELS.body!;
  const named = segments.filter((segment) => !/^\d+$/.test(segment));
  const last = named[named.length - 1] ?? 'body';
  // A key of a record (participantsByOrganisation.umea) is named by the record.
  const label = FIELD_LABELS[last] ?? FIELD_LABELS[named[named.length - 2] ?? ''] ?? 'fält';
  const index = segments.findIndex((segment) => /^\d+$/.test(segment));
  if (index < 0) return label;
  const list = index > 0 ? FIELD_LABELS[segments[index - 1]!] : undefined;
  const position = `rad ${Number(segments[index]) + 1}`;
  if (segments[segments.length - 1] === segments[index]) return `${list ?? label} (${position})`;
  return list ? `${label} (${position} i ${list})` : `${label} (${position})`;
}

/** Whether a path's last named segment has a Swedish name (the security suite checks every refusal). */
export function hasFieldLabel(path: string): boolean {
  const named = path.split('.').filter((segment) => segment !== '' && !/^\d+$/.test(segment));
  return (
    named.length === 0 ||
    FIELD_LABELS[named[named.length - 1]!] !== undefined ||
    FIELD_LABELS[named[named.length - 2] ?? ''] !== undefined
  );
}

export interface LabelledIssue extends ValidationIssue {
  /** The field, named in Swedish. */
  field: string;
}

export function labelIssues(issues: readonly ValidationIssue[]): LabelledIssue[] {
  return issues.map((issue) => ({ ...issue, field: fieldLabel(issue.path) }));
}
