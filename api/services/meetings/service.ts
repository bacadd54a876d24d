import type { Attendee, Event, MeetingTimeSuggestion } from '@microsoft/microsoft-graph-types';
import { z } from 'zod';
import {
  DomainRuleError,
  GRAPH_RESPONSES,
  MEETING_GROUPS,
  MEETING_GROUP_LABELS,
  SEASONS,
  addDays,
  agendaToHtml,
  agendaToText,
  buildAgenda,
  candidateDays,
  completeMeeting,
  createMeeting,
  escapeHtml,
  formatDateSv,
  localTimeSchema,
  meetingToIcsEvent,
  notAnswered,
  DomainValidationError,
  planningWindowIssues,
  requireAnyRole,
  requireRole,
  seasonWindow,
  summariseAnswers,
  toIcsCalendar,
  toIsoDate,
  unrepresentedKommuner,
  utcToStockholm,
  validateMeetingDate,
  type ActionId,
  type AgendaDocument,
  type AnswerSummary,
  type DateRange,
  type GraphResponse,
  type InvitationAnswer,
  type MeetingGroup,
  type MeetingStatus,
  type Organisation,
  type PersonAnswer,
  type RepresentationWarning,
} from '../../../src/domain';
import type { GraphGateway } from '../../graph/gateway';
import { ConflictError } from '../../graph/errors';
import { eq } from '../../graph/odata';
import { ApiError, apiErrors } from '../../http/errors';
import { ConcurrencyLimit } from '../../http/concurrency';
import type { Caller } from '../identity';

/** Who acts: the signed-in caller, or a person the bot acts for (roles from Kontakter either way). */
export type Acting = Pick<Caller, 'person' | 'roles'>;

/** Graph keys a mailbox by object id or UPN, not e-mail: the person's id from Kontakter, the address only if unresolved. */
function organizerKey(person: ContactRecord): string {
  return person.entraObjectId ?? person.email;
}
import type { ContactRecord, ContactsService } from '../contacts';
import type { MeetingDecisions } from './decisions';
import { coalescingListReads } from './batching';
import {
  groupMembers,
  meetingTitle,
  toDomainMeeting,
  toMeetingRecord,
  type MeetingFields,
  type MeetingRecord,
} from './register';
import type { SiteDirectory } from '../lists';

export type { MeetingRecord } from './register';

export interface MeetingSummary {
  id: string;
  title: string;
  group: MeetingGroup | null;
  start: string | null;
  end: string | null;
  status: MeetingStatus | null;
}

/** Graph's name for Stockholm's zone, understood by every Exchange version. */
const GRAPH_TIME_ZONE = 'W. Europe Standard Time';
const MAX_CANDIDATES = 6;
const CONTACTS_TTL_MS = 60_000;

export const UNKNOWN_AVAILABILITY_LABEL = 'okänd tillgänglighet (annan organisation)';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ange datum som ÅÅÅÅ-MM-DD.');
const reasonSchema = z.string().trim().max(1000, 'Motiveringen får vara högst 1000 tecken.').optional();

/** Plans computed at once in this process (see ConcurrencyLimit). */
const PLANNING = new ConcurrencyLimit(1);

/** Who may call a meeting at all (the group decides which of the two). */
const KALLA_ACTIONS: ActionId[] = ['samverkansgrupp.kalla', 'stodgrupp.kalla'];

export const planRequestSchema = z
  .object({
    group: z.enum(MEETING_GROUPS, { error: 'Välj samverkansgruppen eller stödgruppen.' }),
    year: z.number().int().min(2000).max(2199),
    season: z.enum(SEASONS, { error: 'Välj vår eller höst.' }).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    durationMinutes: z.number().int().min(30, 'Mötet måste vara minst 30 minuter.').max(480, 'Högst åtta timmar.'),
    earliest: localTimeSchema.default('09:00'),
    latest: localTimeSchema.default('16:00'),
    outsideWindowReason: reasonSchema,
  })
  .strict();
export type PlanRequest = z.input<typeof planRequestSchema>;

const documentSchema = z.object({
  title: z.string().trim().min(1, 'Handlingens rubrik saknas.').max(200),
  url: z.string().trim().max(2000),
});

export const sendRequestSchema = z
  .object({
    group: z.enum(MEETING_GROUPS, { error: 'Välj samverkansgruppen eller stödgruppen.' }),
    date: isoDate,
    startTime: localTimeSchema,
    endTime: localTimeSchema,
    season: z.enum(SEASONS).optional(),
    title: z.string().trim().min(1).max(200).optional(),
    room: z.string().trim().max(200, 'Lokalen får vara högst 200 tecken.').optional(),
    online: z.boolean().default(true),
    outsideWindowReason: reasonSchema,
    documents: z.array(documentSchema).max(20).default([]),
    extraItems: z.array(z.string().trim().min(1).max(300)).max(20).default([]),
    /** The same key on a retried request makes no second invitation. */
    idempotencyKey: z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'Ogiltig idempotensnyckel.'),
  })
  .strict();
export type SendRequest = z.input<typeof sendRequestSchema>;

export const rescheduleRequestSchema = z
  .object({
    date: isoDate,
    startTime: localTimeSchema,
    endTime: localTimeSchema,
    room: z.string().trim().max(200).optional(),
    outsideWindowReason: reasonSchema,
  })
  .strict();

export const cancelRequestSchema = z
  .object({ comment: z.string().trim().min(1, 'Skriv ett meddelande till de kallade.').max(2000) })
  .strict();

export type Availability = 'free' | 'tentative' | 'busy' | 'unknown';

export interface CandidateOrganisation {
  organisationId: string;
  name: string;
  free: string[];
  tentative: string[];
  busy: string[];
  unknown: string[];
}

export interface MeetingCandidate {
  start: string;
  end: string;
  date: string;
  startTime: string;
  endTime: string;
  label: string;
  confidence: number;
  convenerAvailability: Availability;
  counts: Record<Availability, number>;
  organisations: CandidateOrganisation[];
  warnings: string[];
}

export interface MeetingPlan {
  group: MeetingGroup;
  window: DateRange;
  outsideWindow: boolean;
  workingDays: number;
  attendees: number;
  candidates: MeetingCandidate[];
  /** People whose calendars live in other tenants: findMeetingTimes cannot see them. */
  unknownAvailability: { people: number; organisations: string[]; label: string };
  pollAdvised: boolean;
  message: string;
}

export interface MeetingAnswersView {
  meeting: MeetingRecord;
  totals: AnswerSummary['totals'];
  organisations: AnswerSummary['organisations'];
  people: PersonAnswer[];
  warnings: RepresentationWarning[];
  notAnswered: PersonAnswer[];
}

export function kallaAction(group: MeetingGroup): ActionId {
  return group === 'samverkansgrupp' ? 'samverkansgrupp.kalla' : 'stodgrupp.kalla';
}

function graphTime(date: string, time: string): { dateTime: string; timeZone: string } {
  return { dateTime: `${date}T${time}:00`, timeZone: GRAPH_TIME_ZONE };
}

/** Graph answers UTC as `2026-04-21T07:00:00.0000000` with timeZone "UTC". */
function graphInstant(value: { dateTime?: string | null; timeZone?: string | null } | null | undefined): string {
  const raw = value?.dateTime ?? '';
  const trimmed = raw.replace(/(\.\d{3})\d*$/, '$1');
  const zone = value?.timeZone ?? 'UTC';
  if (zone !== 'UTC' && !/(Z|[+-]\d{2}:\d{2})$/.test(trimmed)) {
    throw new DomainRuleError('GRAPH_TIME_ZONE', 'Kalendern svarade i en oväntad tidszon.');
  }
  return new Date(/(Z|[+-]\d{2}:\d{2})$/.test(trimmed) ? trimmed : `${trimmed}Z`).toISOString();
}

function availabilityOf(value: string | null | undefined): Availability {
  switch (value) {
    case 'free':
      return 'free';
    case 'tentative':
    case 'workingElsewhere':
      return 'tentative';
    case 'busy':
    case 'oof':
      return 'busy';
    default:
      return 'unknown';
  }
}

function isGraphResponse(value: unknown): value is GraphResponse {
  return typeof value === 'string' && (GRAPH_RESPONSES as readonly string[]).includes(value);
}

/** The meeting register (Möten list), the calendar events behind it and the answers to them. */
export class MeetingsService {
  private contactsCache?: { at: number; people: Promise<ContactRecord[]> };

  constructor(
    private readonly directory: SiteDirectory,
    private readonly contacts: ContactsService,
    private readonly organisations: readonly Organisation[],
    private readonly decisions: MeetingDecisions,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The contact list, kept a minute: planning and sending follow each other within seconds. */
  people(gateway: GraphGateway): Promise<ContactRecord[]> {
    const at = Date.now();
    if (!this.contactsCache || at - this.contactsCache.at > CONTACTS_TTL_MS) {
      const people = this.contacts.list(gateway);
      this.contactsCache = { at, people };
      people.catch(() => {
        this.contactsCache = undefined;
      });
    }
    return this.contactsCache.people;
  }

  private where(gateway: GraphGateway) {
    return this.directory.list(gateway, 'meetings');
  }

  async records(gateway: GraphGateway): Promise<MeetingRecord[]> {
    const { siteId, listId } = await this.where(gateway);
    const items = await gateway.listItems<MeetingFields>(siteId, listId);
    return items
      .map(toMeetingRecord)
      .filter((record): record is MeetingRecord => record !== undefined)
      .sort((a, b) => a.startUtc.localeCompare(b.startUtc));
  }

  async list(gateway: GraphGateway, options: { upcoming: boolean }): Promise<MeetingSummary[]> {
    const nowIso = this.now().toISOString();
    return (await this.records(gateway))
      .filter((m) => !options.upcoming || (m.startUtc >= nowIso && m.status !== 'installt'))
      .map((m) => ({
        id: m.id,
        title: m.title,
        group: m.group,
        start: m.startUtc,
        end: m.endUtc,
        status: m.status,
      }));
  }

  async get(gateway: GraphGateway, id: string): Promise<MeetingRecord> {
    const { siteId, listId } = await this.where(gateway);
    const record = toMeetingRecord(await gateway.getItem<MeetingFields>(siteId, listId, id));
    if (!record) throw apiErrors.notFound('Mötet finns inte i mötesregistret.');
    return record;
  }

  // ------------------------------------------------------------------ plan

  /**
   * Candidate times inside the window, on working days, from findMeetingTimes as the convener. Guests'
   * calendars live in their own tenants, so they come back as unknown: the plan says so and advises a poll.
   */
  async plan(gateway: GraphGateway, caller: Acting, input: unknown): Promise<MeetingPlan> {
    requireAnyRole(caller.roles, KALLA_ACTIONS);
    return PLANNING.run(() => this.planBounded(gateway, caller, input));
  }

  private async planBounded(gateway: GraphGateway, caller: Acting, input: unknown): Promise<MeetingPlan> {
    const request = planRequestSchema.parse(input);
    requireRole(caller.roles, kallaAction(request.group));
    if (request.latest <= request.earliest) {
      throw apiErrors.validation([{ path: 'latest', message: 'Senaste sluttid måste ligga efter tidigaste start.' }]);
    }
    const { window, outsideWindow } = this.planWindow(request);
    // Refused at once, before any day is walked or Graph is asked (a window to 9999-12-31 once stalled the server).
    const windowIssues = planningWindowIssues(window.start, window.end);
    if (windowIssues.length > 0) throw new DomainValidationError(windowIssues);
    const tomorrow = addDays(toIsoDate(this.now()), 1);
    const days = candidateDays(window).filter((day) => day >= tomorrow);
    if (days.length === 0) {
      throw new DomainRuleError('NO_WORKING_DAYS', 'Det finns inga kommande arbetsdagar i den valda perioden.');
    }
    const people = await this.people(gateway);
    const attendees = groupMembers(people, request.group).filter((p) => p.email !== caller.person.email);
    const suggestions = await gateway.findMeetingTimes(organizerKey(caller.person), {
      attendees: attendees.map((person) => ({
        type: 'required',
        emailAddress: { address: person.email, name: person.displayName },
      })),
      timeConstraint: {
        activityDomain: 'work',
        timeSlots: days.map((day) => ({
          start: graphTime(day, request.earliest),
          end: graphTime(day, request.latest),
        })),
      },
      meetingDuration: `PT${request.durationMinutes}M`,
      minimumAttendeePercentage: 0,
      maxCandidates: 100,
      returnSuggestionReasons: true,
    });
    const byEmail = new Map(people.map((person) => [person.email, person]));
    const candidates = await this.pickCandidates(suggestions.meetingTimeSuggestions ?? [], request.group, byEmail);
    const unknownPeople = attendees.filter((person) =>
      candidates.some((c) => c.organisations.some((o) => o.unknown.includes(person.displayName))),
    );
    const unknownOrgs = [...new Set(unknownPeople.map((p) => this.organisationName(p.organisationId)))];
    const pollAdvised = unknownPeople.length > 0 || candidates.length === 0;
    return {
      group: request.group,
      window,
      outsideWindow,
      workingDays: days.length,
      attendees: attendees.length,
      candidates,
      unknownAvailability: {
        people: unknownPeople.length,
        organisations: unknownOrgs,
        label: UNKNOWN_AVAILABILITY_LABEL,
      },
      pollAdvised,
      message:
        candidates.length === 0
          ? 'Inga gemensamma tider hittades. Skicka en datumomröstning i stället.'
          : unknownPeople.length > 0
            ? `${unknownPeople.length} personer i andra organisationers tenanter kan inte slås upp (${UNKNOWN_AVAILABILITY_LABEL}). Skicka gärna en datumomröstning.`
            : 'Alla kallades kalendrar kunde läsas.',
    };
  }

  private planWindow(request: z.output<typeof planRequestSchema>): { window: DateRange; outsideWindow: boolean } {
    if (request.group === 'samverkansgrupp') {
      if (!request.season) throw apiErrors.validation([{ path: 'season', message: 'Välj vår eller höst.' }]);
      const season = seasonWindow(request.year, request.season);
      const window = { start: request.from ?? season.start, end: request.to ?? season.end };
      const outsideWindow = window.start < season.start || window.end > season.end;
      if (outsideWindow && !request.outsideWindowReason) {
        throw new DomainRuleError(
          'OUTSIDE_SEASON_WINDOW',
          `Perioden går utanför säsongens fönster (${season.start}–${season.end}). Ange en motivering.`,
        );
      }
      if (window.end < window.start) throw new DomainRuleError('EMPTY_WINDOW', 'Perioden slutar innan den börjar.');
      return { window, outsideWindow };
    }
    const today = toIsoDate(this.now());
    const window = { start: request.from ?? addDays(today, 7), end: request.to ?? addDays(today, 42) };
    if (window.end < window.start) throw new DomainRuleError('EMPTY_WINDOW', 'Perioden slutar innan den börjar.');
    return { window, outsideWindow: false };
  }

  /** Ranks up to 100 suggestions; yields to the event loop between small batches so that others get a turn. */
  private async pickCandidates(
    suggestions: MeetingTimeSuggestion[],
    group: MeetingGroup,
    byEmail: Map<string, ContactRecord>,
  ): Promise<MeetingCandidate[]> {
    const bestPerDay = new Map<string, MeetingCandidate>();
    for (const [index, suggestion] of suggestions.entries()) {
      if (index > 0 && index % 10 === 0) await new Promise((resolve) => setImmediate(resolve));
      const start = graphInstant(suggestion.meetingTimeSlot?.start);
      const end = graphInstant(suggestion.meetingTimeSlot?.end);
      const local = utcToStockholm(start);
      const check = validateMeetingDate({ group, date: local.date, outsideWindowReason: 'planering' });
      if (!check.ok) continue;
      const candidate = this.candidate(suggestion, start, end, byEmail, check.warnings);
      const known = bestPerDay.get(local.date);
      if (!known || candidate.confidence > known.confidence) bestPerDay.set(local.date, candidate);
    }
    return [...bestPerDay.values()]
      .sort((a, b) => b.confidence - a.confidence || a.start.localeCompare(b.start))
      .slice(0, MAX_CANDIDATES);
  }

  private candidate(
    suggestion: MeetingTimeSuggestion,
    start: string,
    end: string,
    byEmail: Map<string, ContactRecord>,
    warnings: string[],
  ): MeetingCandidate {
    const local = utcToStockholm(start);
    const counts: Record<Availability, number> = { free: 0, tentative: 0, busy: 0, unknown: 0 };
    const orgs = new Map<string, CandidateOrganisation>();
    for (const row of suggestion.attendeeAvailability ?? []) {
      const email = (row.attendee?.emailAddress?.address ?? '').toLowerCase();
      const person = byEmail.get(email);
      const organisationId = person?.organisationId ?? 'okand';
      const availability = availabilityOf(row.availability);
      counts[availability] += 1;
      let org = orgs.get(organisationId);
      if (!org) {
        org = {
          organisationId,
          name: this.organisationName(organisationId),
          free: [],
          tentative: [],
          busy: [],
          unknown: [],
        };
        orgs.set(organisationId, org);
      }
      org[availability].push(person?.displayName ?? email);
    }
    const order = new Map(this.organisations.map((org, index) => [org.id, index]));
    return {
      start,
      end,
      date: local.date,
      startTime: local.time,
      endTime: utcToStockholm(end).time,
      label: `${formatDateSv(local.date)} kl. ${local.time}–${utcToStockholm(end).time}`,
      confidence: Math.round(suggestion.confidence ?? 0),
      convenerAvailability: availabilityOf(suggestion.organizerAvailability),
      counts,
      organisations: [...orgs.values()].sort(
        (a, b) => (order.get(a.organisationId) ?? 999) - (order.get(b.organisationId) ?? 999),
      ),
      warnings,
    };
  }

  private organisationName(id: string): string {
    return this.organisations.find((org) => org.id === id)?.name ?? 'Okänd organisation';
  }

  // ------------------------------------------------------------------ send

  /**
   * Sends the kallelse: one calendar event from the convener's mailbox with the dagordning, the place and a
   * Teams meeting, every member an attendee; then registers it in Möten. The transactionId derived from the
   * idempotency key makes a retried POST (by Graph's retry or by the user) no second invitation, and the
   * register is looked up by the same key first.
   */
  async send(
    gateway: GraphGateway,
    caller: Acting,
    input: unknown,
  ): Promise<{ meeting: MeetingRecord; created: boolean }> {
    requireAnyRole(caller.roles, KALLA_ACTIONS);
    const request = sendRequestSchema.parse(input);
    requireRole(caller.roles, kallaAction(request.group));
    if (!request.online && !request.room) {
      throw apiErrors.validation([{ path: 'room', message: 'Ange en lokal eller välj Teamsmöte.' }]);
    }
    const year = Number(request.date.slice(0, 4));
    const meeting = createMeeting({
      id: 'ny',
      group: request.group,
      title: request.title ?? meetingTitle(request.group, request.season, year),
      date: request.date,
      startTime: request.startTime,
      endTime: request.endTime,
      ...(request.season ? { season: request.season } : {}),
      ...(request.outsideWindowReason ? { outsideWindowReason: request.outsideWindowReason } : {}),
      ...(request.room ? { location: request.room } : {}),
    });
    const operationKey = `meeting:${request.group}:${request.idempotencyKey}`;
    const { siteId, listId } = await this.where(gateway);
    // One round trip for the retry check, the follow-ups and the open proposals (and Kontakter when cold).
    const reads = coalescingListReads(gateway);
    const [existing, followUps, openProposals, people] = await Promise.all([
      reads.listItems<MeetingFields>(siteId, listId, { filter: eq('OperationKey', operationKey) }),
      this.decisions.openFollowUps(reads),
      this.decisions.openProposals(reads, toIsoDate(this.now())),
      this.people(reads),
    ]);
    const earlier = existing.map(toMeetingRecord).filter((record): record is MeetingRecord => record !== undefined);
    const already = earlier.find((record) => record.status !== 'installt');
    if (already) return { meeting: already, created: false };
    // The same key after a cancellation convenes anew: a new transactionId, or Graph would hand back the
    // cancelled event. A retry of that new kallelse finds the same number of cancelled ones, so the same id.
    const eventKey = earlier.length === 0 ? operationKey : `${operationKey}:omkallelse-${earlier.length}`;

    const agenda = buildAgenda({
      meeting: {
        group: meeting.group,
        title: meeting.title,
        date: meeting.date,
        startTime: meeting.startTime,
        endTime: meeting.endTime,
        ...(meeting.location ? { location: meeting.location } : {}),
      },
      openProposals,
      followUps,
      documents: request.documents as AgendaDocument[],
      extraItems: request.extraItems,
    });
    const attendees = groupMembers(people, request.group).filter((p) => p.email !== caller.person.email);
    const groupLabel = MEETING_GROUP_LABELS[request.group].sv;
    const intro =
      `<p>Välkommen till ${escapeHtml(groupLabel.toLowerCase())}s möte ${escapeHtml(formatDateSv(meeting.date))} ` +
      `kl. ${meeting.startTime}–${meeting.endTime}${meeting.location ? `, ${escapeHtml(meeting.location)}` : ''}.` +
      `${request.online ? ' Du kan också delta via Teams.' : ''} Svara gärna på inbjudan så att vi vet vilka kommuner som är representerade.</p>` +
      (meeting.outsideWindowReason
        ? `<p>Mötet hålls utanför den ordinarie perioden: ${escapeHtml(meeting.outsideWindowReason)}</p>`
        : '');
    const event: Event = {
      subject: meeting.title,
      body: { contentType: 'html', content: `${intro}\n${agendaToHtml(agenda)}` },
      start: graphTime(meeting.date, meeting.startTime),
      end: graphTime(meeting.date, meeting.endTime),
      ...(meeting.location ? { location: { displayName: meeting.location } } : {}),
      attendees: attendees.map((person): Attendee => ({
        type: 'required',
        emailAddress: { address: person.email, name: person.displayName },
      })),
      ...(request.online ? { isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' as const } : {}),
      allowNewTimeProposals: false,
      responseRequested: true,
      categories: [groupLabel],
    };
    const created = await gateway.createEvent(organizerKey(caller.person), event, eventKey);
    const fields: MeetingFields = {
      Title: meeting.title,
      MeetingGroup: meeting.group,
      ...(meeting.season ? { Season: meeting.season } : {}),
      Year: year,
      StartDateTime: meeting.startUtc,
      EndDateTime: meeting.endUtc,
      Status: 'planerat',
      EventId: String(created.id ?? ''),
      OperationKey: operationKey,
      ...(meeting.location ? { Location: meeting.location } : {}),
      Agenda: agendaToText(agenda),
      ...(meeting.outsideWindowReason ? { OutsideWindowReason: meeting.outsideWindowReason } : {}),
      ConvenerEmail: caller.person.email,
      IsOnline: request.online,
      ...(created.onlineMeeting?.joinUrl ? { JoinUrl: created.onlineMeeting.joinUrl } : {}),
    };
    const item = await gateway.createItem<MeetingFields>(siteId, listId, fields);
    const record = toMeetingRecord(item);
    if (!record) throw new DomainRuleError('REGISTER_FAILED', 'Mötet kunde inte registreras.');
    return { meeting: record, created: true };
  }

  private assertConvener(caller: Acting, record: MeetingRecord, action: ActionId): void {
    requireRole(caller.roles, action, { meetingGroup: record.group });
    if (record.convenerEmail && record.convenerEmail !== caller.person.email) {
      throw new ApiError(
        403,
        'FORBIDDEN',
        'Kallelsen skickades från en annan persons kalender; den personen kan ändra eller ställa in mötet.',
      );
    }
    if (!record.eventId) throw new DomainRuleError('NO_EVENT', 'Mötet har ingen kalenderhändelse att ändra.');
    if (record.status !== 'planerat') {
      throw new DomainRuleError('MEETING_NOT_PLANNED', 'Endast ett planerat möte kan ändras eller ställas in.');
    }
  }

  /** Moves the meeting; Graph sends every attendee the update (and resets their answers). */
  async reschedule(gateway: GraphGateway, caller: Acting, id: string, input: unknown): Promise<MeetingRecord> {
    requireAnyRole(caller.roles, ['meeting.reschedule']);
    const request = rescheduleRequestSchema.parse(input);
    const record = await this.get(gateway, id);
    this.assertConvener(caller, record, 'meeting.reschedule');
    const moved = createMeeting({
      id: record.id,
      group: record.group,
      title: record.title,
      date: request.date,
      startTime: request.startTime,
      endTime: request.endTime,
      ...(record.season ? { season: record.season } : {}),
      ...(request.outsideWindowReason ? { outsideWindowReason: request.outsideWindowReason } : {}),
      ...((request.room ?? record.location) ? { location: request.room ?? record.location } : {}),
    });
    await gateway.updateEvent(organizerKey(caller.person), record.eventId as string, {
      start: graphTime(moved.date, moved.startTime),
      end: graphTime(moved.date, moved.endTime),
      ...(request.room !== undefined ? { location: { displayName: request.room } } : {}),
    });
    return this.updateRecord(gateway, record, {
      StartDateTime: moved.startUtc,
      EndDateTime: moved.endUtc,
      ...(request.room !== undefined ? { Location: request.room } : {}),
      ...(moved.outsideWindowReason ? { OutsideWindowReason: moved.outsideWindowReason } : {}),
    });
  }

  /** Cancels the meeting; every attendee gets the cancellation with the message. */
  async cancel(gateway: GraphGateway, caller: Acting, id: string, input: unknown): Promise<MeetingRecord> {
    requireAnyRole(caller.roles, ['meeting.cancel']);
    const request = cancelRequestSchema.parse(input);
    const record = await this.get(gateway, id);
    this.assertConvener(caller, record, 'meeting.cancel');
    await gateway.cancelEvent(organizerKey(caller.person), record.eventId as string, request.comment);
    return this.updateRecord(gateway, record, { Status: 'installt', CancelComment: request.comment });
  }

  /** The protokoll is justerat: the meeting was held (the domain refuses a cancelled one). */
  async complete(gateway: GraphGateway, id: string): Promise<MeetingRecord> {
    const record = await this.get(gateway, id);
    if (record.status === 'genomfort') return record;
    const held = completeMeeting(toDomainMeeting(record));
    return this.updateRecord(gateway, record, { Status: held.status });
  }

  /** Writes the register; a concurrent edit of the item is read again and the change applied once more. */
  private async updateRecord(
    gateway: GraphGateway,
    record: MeetingRecord,
    fields: Partial<MeetingFields>,
  ): Promise<MeetingRecord> {
    const { siteId, listId } = await this.where(gateway);
    let etag = record.etag;
    for (let attempt = 0; ; attempt += 1) {
      try {
        const updated = toMeetingRecord(
          await gateway.updateItemFields<MeetingFields>(siteId, listId, record.id, fields, etag),
        );
        if (!updated) throw new DomainRuleError('REGISTER_FAILED', 'Mötet kunde inte registreras.');
        return updated;
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt > 0) throw error;
        etag = (await this.get(gateway, record.id)).etag;
      }
    }
  }

  // ------------------------------------------------------------------ answers

  /**
   * The answers to the invitation, per person and per organisation, read from the convener's event with
   * the app's identity (members cannot read the convener's calendar themselves).
   */
  async answers(gateway: GraphGateway, app: GraphGateway, id: string): Promise<MeetingAnswersView> {
    const record = await this.get(gateway, id);
    return this.answersFor(app, record, await this.people(gateway));
  }

  async answersFor(
    app: GraphGateway,
    record: MeetingRecord,
    people: readonly ContactRecord[],
  ): Promise<MeetingAnswersView> {
    const answers: InvitationAnswer[] = [];
    if (record.eventId && record.convenerEmail && record.status !== 'installt') {
      // Graph keys mailboxes by object id or UPN; the convener's id from Kontakter (their e-mail only if unresolved).
      const convener = people.find((p) => p.email === record.convenerEmail?.toLowerCase())?.entraObjectId;
      const event = await app.getEvent(convener ?? record.convenerEmail, record.eventId);
      answers.push({ email: record.convenerEmail, response: 'organizer' });
      for (const attendee of event.attendees ?? []) {
        const email = attendee.emailAddress?.address;
        if (!email) continue;
        const response = attendee.status?.response;
        answers.push({
          email,
          response: isGraphResponse(response) ? response : 'none',
          ...(attendee.emailAddress?.name ? { name: attendee.emailAddress.name } : {}),
        });
      }
    }
    const input = { answers, people, organisations: this.organisations };
    const summary = summariseAnswers(input);
    return {
      meeting: record,
      totals: summary.totals,
      organisations: summary.organisations.filter((org) => org.invited > 0 || org.kind === 'kommun'),
      people: summary.people,
      warnings: answers.length > 0 ? unrepresentedKommuner(input) : [],
      notAnswered: notAnswered(input),
    };
  }

  /** Planned meetings from `from` on, soonest first, with their answers (for the bot's `möten`). */
  async upcomingWithAnswers(app: GraphGateway, from: Date): Promise<MeetingAnswersView[]> {
    const fromIso = from.toISOString();
    const [records, people] = await Promise.all([this.records(app), this.people(app)]);
    const upcoming = records.filter((r) => r.startUtc >= fromIso && r.status === 'planerat');
    return Promise.all(upcoming.map((record) => this.answersFor(app, record, people)));
  }

  // ------------------------------------------------------------------ calendar files

  async meetingIcs(gateway: GraphGateway, id: string): Promise<string> {
    const record = await this.get(gateway, id);
    return toIcsCalendar([this.icsEvent(record)], { now: this.now().toISOString() });
  }

  /** The year's kalendarium: every meeting of the register in that year. */
  async yearIcs(gateway: GraphGateway, year: number): Promise<string> {
    const records = (await this.records(gateway)).filter((record) => record.date.startsWith(`${year}-`));
    return toIcsCalendar(
      records.map((record) => this.icsEvent(record)),
      { now: this.now().toISOString(), calName: `Plan- och byggsamverkan Västerbotten ${year}` },
    );
  }

  private icsEvent(record: MeetingRecord) {
    const location = [record.location, record.isOnline ? 'Teams' : undefined].filter(Boolean).join(', ');
    return meetingToIcsEvent(toDomainMeeting(record), {
      ...(location ? { location } : {}),
      ...(record.agendaText ? { description: record.agendaText } : {}),
      ...(record.joinUrl && /^https:\/\//.test(record.joinUrl) ? { url: record.joinUrl } : {}),
      ...(record.convenerEmail ? { organizer: { email: record.convenerEmail } } : {}),
    });
  }
}
