import { z } from 'zod';
import { formatDateSv, localTimeSchema, type IsoDate, type LocalTime } from './calendar';
import {
  DECISION_KIND_LABELS,
  FOLLOW_UP_LABELS,
  openFollowUps,
  type Decision,
  type DecisionKind,
  type FollowUpStatus,
  type Proposal,
} from './decisions';
import { assignmentFollowUpItem, type AgendaAssignment } from './assignmentAgenda';
import { DomainRuleError } from './errors';
import { MEETING_GROUPS, MEETING_GROUP_LABELS, seasonOf, type MeetingGroup } from './meetings';
import type { DraftItemKind } from './meetingLists';
import { idSchema, isoDateSchema, parseOrThrow } from './validation';

export const AGENDA_ITEM_KINDS = [
  'oppnande',
  'justerare',
  'dagordning',
  'foregaende_protokoll',
  'forslag',
  'uppfoljning',
  'uppdrag',
  'ekonomi',
  'extra',
  'nasta_mote',
  'ovriga_fragor',
  'avslutande',
] as const;
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];

export interface AgendaItem {
  number: number;
  /** A generated point's kind, or a prepared point's (beslut, information, …: meetingDraft.ts). */
  kind: AgendaItemKind | DraftItemKind;
  title: string;
  /** Longer text under the title: the proposal, or the decision followed up. */
  details?: string;
  /** A short status line, e.g. "Försenad: skulle vara klar 2026-03-01." */
  note?: string;
  proposalId?: string;
  proposalKind?: DecisionKind;
  decisionId?: string;
  followUpDue?: IsoDate;
  followUpStatus?: FollowUpStatus;
  overdue?: boolean;
  /** The point's handlingar (a prepared dagordning). */
  documents?: AgendaDocument[];
}

export interface AgendaDocument {
  title: string;
  url: string;
}

export interface Agenda {
  meetingId?: string;
  group: MeetingGroup;
  groupLabel: string;
  meetingTitle: string;
  date: IsoDate;
  startTime: LocalTime;
  endTime: LocalTime;
  location?: string;
  items: AgendaItem[];
  documents: AgendaDocument[];
}

export interface AgendaMeeting {
  id?: string;
  group: MeetingGroup;
  title: string;
  date: IsoDate;
  startTime: LocalTime;
  endTime: LocalTime;
  location?: string;
  status?: string;
}

export interface BuildAgendaInput {
  meeting: AgendaMeeting;
  openProposals?: readonly Proposal[];
  followUps?: readonly Decision[];
  /** Uppdrag delegated by decisions: the open ones due by the meeting are followed up (assignmentAgenda.ts). */
  assignments?: readonly AgendaAssignment[];
  documents?: readonly AgendaDocument[];
  extraItems?: readonly string[];
  /**
   * The day the dagordning is written (the kallelse is sent): a follow-up is "Försenad" only once its due date
   * has passed by then, not because it falls before the meeting. Defaults to the meeting's date.
   */
  asOf?: IsoDate;
  /** The next meeting, when it is known; otherwise the item says when it is due (the next season's window). */
  nextMeeting?: { date: IsoDate };
}

const meetingSchema = z.object({
  id: idSchema.optional(),
  group: z.enum(MEETING_GROUPS, {
    error: (issue) => `Okänd mötesgrupp: ${issue.input === undefined ? 'saknas' : String(issue.input)}.`,
  }),
  title: z.string({ error: 'Mötets rubrik saknas.' }).trim().min(1, 'Mötets rubrik får inte vara tom.'),
  date: isoDateSchema,
  startTime: localTimeSchema,
  endTime: localTimeSchema,
  location: z.string({ error: 'Platsen måste vara text.' }).trim().optional(),
  status: z.string().optional(),
});

const documentSchema = z.object({
  title: z.string({ error: 'Handlingens rubrik saknas.' }).trim().min(1, 'Handlingens rubrik får inte vara tom.'),
  url: z
    .string({ error: 'Länken till handlingen saknas.' })
    .trim()
    .refine((value) => /^https:\/\/\S+$/i.test(value) && URL.canParse(value), {
      message: 'Länken till handlingen måste vara en https-adress.',
    }),
});

const extraItemsSchema = z.array(
  z.string({ error: 'En extra punkt måste vara text.' }).trim().min(1, 'En extra punkt får inte vara tom.'),
  { error: 'Extra punkter måste anges som en lista.' },
);

/**
 * Proposed activities belong to a season: a spring meeting plans January–July of its year, an autumn meeting
 * August–December (meetings.ts seasonOf). Other proposals are not tied to a season.
 */
function inMeetingSeason(proposal: Proposal, meetingDate: IsoDate): boolean {
  if (proposal.kind !== 'aktiviteter_kalendarium') return true;
  return proposal.date.slice(0, 4) === meetingDate.slice(0, 4) && seasonOf(proposal.date) === seasonOf(meetingDate);
}

/** "Nästa möte": its date when known, else the window of the next one. */
function nextMeetingItem(group: MeetingGroup, date: IsoDate, next?: { date: IsoDate }): Omit<AgendaItem, 'number'> {
  if (next) return { kind: 'nasta_mote', title: 'Nästa möte', details: formatDateSv(next.date) };
  if (group === 'stodgrupp') return { kind: 'nasta_mote', title: 'Nästa möte', details: 'Tid för nästa möte bestäms.' };
  const year = Number(date.slice(0, 4));
  const details =
    seasonOf(date) === 'var'
      ? `Hösten ${year} (september–oktober); tid bestäms.`
      : `Våren ${year + 1} (april–maj); tid bestäms.`;
  return { kind: 'nasta_mote', title: 'Nästa möte', details };
}

/** A decision followed up: "Försenad" once its due date has passed on the day the dagordning is written. */
function followUpItem(decision: Decision, asOf: IsoDate): Omit<AgendaItem, 'number'> {
  const overdue = decision.followUpDue !== undefined && decision.followUpDue < asOf;
  const status = FOLLOW_UP_LABELS[decision.followUp].sv;
  const note = overdue
    ? `Försenad: skulle vara klar ${decision.followUpDue}. Status: ${status}.`
    : decision.followUpDue
      ? `Ska vara klar ${decision.followUpDue}. Status: ${status}.`
      : `Status: ${status}.`;
  return {
    kind: 'uppfoljning',
    title: `Uppföljning av beslut: ${DECISION_KIND_LABELS[decision.kind].sv} (${decision.decidedOn})`,
    details: decision.text,
    note,
    decisionId: decision.id,
    followUpStatus: decision.followUp,
    ...(decision.followUpDue ? { followUpDue: decision.followUpDue } : {}),
    overdue,
  };
}

function compareProposals(a: Proposal, b: Proposal): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return a.title.localeCompare(b.title, 'sv');
}

/**
 * Builds the dagordning. Opening items are fixed; samverkansgruppen also elects two justerare and hears
 * the ekonomisk lägesrapport. Stödgruppen's notes are not justerade, so its agenda has no justerare item.
 * Proposals are listed oldest first; follow-ups with the earliest due date first.
 */
export function buildAgenda(input: BuildAgendaInput): Agenda {
  const meeting = parseOrThrow(meetingSchema, input.meeting);
  if (meeting.status === 'installt') {
    throw new DomainRuleError('MEETING_CANCELLED', 'Mötet är inställt; ingen dagordning kan skapas.');
  }
  if (meeting.endTime <= meeting.startTime) {
    throw new DomainRuleError('MEETING_TIMES_INVALID', 'Mötets sluttid ligger före eller på starttiden.');
  }
  const documents = parseOrThrow(
    z.array(documentSchema, { error: 'Handlingarna måste anges som en lista.' }),
    input.documents ?? [],
  );
  const extraItems = parseOrThrow(extraItemsSchema, input.extraItems ?? []);

  const seenProposals = new Set<string>();
  const proposals = (input.openProposals ?? [])
    .filter((proposal) => {
      if (seenProposals.has(proposal.id) || !inMeetingSeason(proposal, meeting.date)) return false;
      seenProposals.add(proposal.id);
      return true;
    })
    .sort(compareProposals);
  const followUps = openFollowUps(input.followUps ?? []);
  const asOf = input.asOf === undefined ? meeting.date : parseOrThrow(isoDateSchema, input.asOf);
  const nextMeeting = input.nextMeeting ? { date: parseOrThrow(isoDateSchema, input.nextMeeting.date) } : undefined;

  const items: Omit<AgendaItem, 'number'>[] = [{ kind: 'oppnande', title: 'Mötets öppnande' }];
  if (meeting.group === 'samverkansgrupp') {
    items.push({ kind: 'justerare', title: 'Val av två justerare' });
  }
  items.push(
    { kind: 'dagordning', title: 'Godkännande av dagordningen' },
    {
      kind: 'foregaende_protokoll',
      title: meeting.group === 'samverkansgrupp' ? 'Föregående protokoll' : 'Föregående minnesanteckningar',
    },
  );
  const proposalHeading =
    meeting.group === 'samverkansgrupp' ? 'Förslag från stödgruppen' : 'Beredning av förslag till samverkansgruppen';
  for (const proposal of proposals) {
    items.push({
      kind: 'forslag',
      title: `${proposalHeading}: ${DECISION_KIND_LABELS[proposal.kind].sv} – ${proposal.title}`,
      details: proposal.text,
      proposalId: proposal.id,
      proposalKind: proposal.kind,
    });
  }
  for (const decision of followUps) items.push(followUpItem(decision, asOf));
  const assignmentItem = assignmentFollowUpItem(input.assignments ?? [], meeting.date, asOf);
  if (assignmentItem) items.push(assignmentItem);
  if (meeting.group === 'samverkansgrupp') items.push({ kind: 'ekonomi', title: 'Ekonomisk lägesrapport' });
  for (const extra of extraItems) items.push({ kind: 'extra', title: extra });
  items.push(nextMeetingItem(meeting.group, meeting.date, nextMeeting));
  items.push({ kind: 'ovriga_fragor', title: 'Övriga frågor' }, { kind: 'avslutande', title: 'Mötets avslutande' });

  return {
    ...(meeting.id ? { meetingId: meeting.id } : {}),
    group: meeting.group,
    groupLabel: MEETING_GROUP_LABELS[meeting.group].sv,
    meetingTitle: meeting.title,
    date: meeting.date,
    startTime: meeting.startTime,
    endTime: meeting.endTime,
    ...(meeting.location ? { location: meeting.location } : {}),
    items: items.map((item, index) => ({ number: index + 1, ...item })),
    documents: documents.map((doc) => ({ ...doc })),
  };
}

/** "måndag 26 oktober 2026 kl. 09:00–12:00" */
export function agendaWhen(agenda: Pick<Agenda, 'date' | 'startTime' | 'endTime'>): string {
  return `${formatDateSv(agenda.date)} kl. ${agenda.startTime}–${agenda.endTime}`;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] as string);
}

/** The dagordning as an HTML fragment for the invitation body or a Teams message; every text is escaped. */
export function agendaToHtml(agenda: Agenda): string {
  const parts: string[] = [
    '<section lang="sv">',
    `<h2>Dagordning – ${escapeHtml(agenda.meetingTitle)}</h2>`,
    `<p>${escapeHtml(agenda.groupLabel)}, ${escapeHtml(agendaWhen(agenda))}${
      agenda.location ? `, ${escapeHtml(agenda.location)}` : ''
    }</p>`,
    '<ol>',
  ];
  for (const item of agenda.items) {
    let li = `<li value="${item.number}">${escapeHtml(item.title)}`;
    if (item.details) li += `<p>${escapeHtml(item.details).replace(/\n/g, '<br>')}</p>`;
    if (item.note)
      li += item.overdue ? `<p><strong>${escapeHtml(item.note)}</strong></p>` : `<p>${escapeHtml(item.note)}</p>`;
    if (item.documents?.length) {
      const links = item.documents.map(
        (doc) => `<li><a href="${escapeHtml(doc.url)}">${escapeHtml(doc.title)}</a></li>`,
      );
      li += `<ul>${links.join('')}</ul>`;
    }
    parts.push(`${li}</li>`);
  }
  parts.push('</ol>');
  if (agenda.documents.length > 0) {
    parts.push('<h3>Handlingar</h3>', '<ul>');
    for (const doc of agenda.documents) {
      parts.push(`<li><a href="${escapeHtml(doc.url)}">${escapeHtml(doc.title)}</a></li>`);
    }
    parts.push('</ul>');
  }
  parts.push('</section>');
  return parts.join('\n');
}

/** The dagordning as plain text, for e-mail clients that do not show HTML. */
export function agendaToText(agenda: Agenda): string {
  const lines: string[] = [
    `Dagordning – ${agenda.meetingTitle}`,
    `${agenda.groupLabel}, ${agendaWhen(agenda)}${agenda.location ? `, ${agenda.location}` : ''}`,
    '',
  ];
  for (const item of agenda.items) {
    lines.push(`${item.number}. ${item.title}`);
    if (item.details) lines.push(`   ${item.details.replace(/\s*\n\s*/g, '\n   ')}`);
    if (item.note) lines.push(`   ${item.note}`);
    for (const doc of item.documents ?? []) lines.push(`   Handling: ${doc.title}: ${doc.url}`);
  }
  if (agenda.documents.length > 0) {
    lines.push('', 'Handlingar:');
    for (const doc of agenda.documents) lines.push(`- ${doc.title}: ${doc.url}`);
  }
  return lines.join('\n');
}
