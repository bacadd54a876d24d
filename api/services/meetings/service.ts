import {
  ForbiddenError,
  DomainRuleError,
  MEETING_GROUP_LABELS,
  completeMeeting,
  createMeeting,
  requireAnyRole,
  requireRole,
  type ActionContext,
  type ActionId,
  type MeetingGroup,
  type MeetingStatus,
  type Organisation,
} from '../../../src/domain';
import type { CollectionRead, GraphGateway, ListItemWithFields } from '../../graph/gateway';
import { ConflictError } from '../../graph/errors';
import { ConcurrencyLimit } from '../concurrency';
import { NotFoundError } from '../errors';
import { cancelEventOnce } from './cancel';
import type { Caller } from '../identity';

/** Who acts: the signed-in caller or a person the bot acts for (roles from Kontakter), maybe appointed (conveners.ts). */
export type Acting = Pick<Caller, 'person' | 'roles'> & Pick<ActionContext, 'appointedConvener'>;

/** Graph keys a mailbox by object id or UPN, not e-mail: the person's id from Kontakter, the address only if unresolved. */
function organizerKey(person: ContactRecord): string {
  return person.entraObjectId ?? person.email;
}
import type { ContactRecord, ContactsService } from '../contacts';
import type { MeetingDecisions } from './decisions';
import { toDomainMeeting, toMeetingRecord, type MeetingFields, type MeetingRecord } from './register';
import type { ListStores } from '../lists';
import {
  cancelRequestSchema,
  planRequestSchema,
  rescheduleRequestSchema,
  type KallelsePreview,
} from '../../../src/contract';
import { systemClock, type Clock } from '../ports';
import { MeetingPlanner, type MeetingPlan } from './planning';
import { hasInvitation, upcomingWithAnswers } from './upcoming';
import type { AttendeeAnswer } from '../../graph/calendar';
import { invitationHtml, registerFields } from './invitation';
import { runKallelse } from './kallelse';
import { prepareKallelse, type KallelseDeps } from './kallelsePrepare';
import type { DraftRecord } from './draftRecord';
import { seasonAlreadyCalled, seasonKallelse } from './season';
import { kallelsePreview } from './preview';
import { moveMeeting } from './reschedule';
import { answersView, type MeetingAnswersView } from './answers';

export type { MeetingAnswersView } from './answers';

export type { MeetingRecord } from './register';
export { UNKNOWN_AVAILABILITY_LABEL, type MeetingPlan } from './planning';

export interface MeetingSummary {
  id: string;
  title: string;
  group: MeetingGroup | null;
  start: string | null;
  end: string | null;
  status: MeetingStatus | null;
}

const CONTACTS_TTL_MS = 60_000;

/** Plans computed at once in this process (see ConcurrencyLimit). */
const PLANNING = new ConcurrencyLimit(1);

/** Who may call (or plan) a meeting at all (the group decides which of the two). */
const KALLA_ACTIONS: ActionId[] = ['samverkansgrupp.kalla', 'stodgrupp.kalla'];
export const PLAN_ACTIONS: ActionId[] = ['samverkansgrupp.plan', 'stodgrupp.kalla'];

export function kallaAction(group: MeetingGroup): ActionId {
  return group === 'samverkansgrupp' ? 'samverkansgrupp.kalla' : 'stodgrupp.kalla';
}

/** Finding times and polling: the samordnare prepares samverkansgruppen's meetings too, the convener calls them. */
export function planAction(group: MeetingGroup): ActionId {
  return group === 'samverkansgrupp' ? 'samverkansgrupp.plan' : 'stodgrupp.kalla';
}

/** The meeting register (Möten list), the calendar events behind it and the answers to them. */
export class MeetingsService {
  private contactsCache?: { at: number; version: number; people: Promise<ContactRecord[]> };

  constructor(
    private readonly lists: Pick<ListStores, 'meetings'>,
    private readonly contacts: ContactsService,
    private readonly organisations: readonly Organisation[],
    private readonly decisions: MeetingDecisions,
    private readonly clock: Clock = systemClock,
  ) {
    this.planner = new MeetingPlanner(organisations, clock);
  }

  private readonly planner: MeetingPlanner;

  /** The contact list, kept a minute: planning and sending follow each other within seconds. */
  people(gateway: GraphGateway): Promise<ContactRecord[]> {
    const at = Date.now();
    // A change of the list through the app (a person deactivated) is read at once, not after the minute.
    const version = this.contacts.version;
    if (!this.contactsCache || at - this.contactsCache.at > CONTACTS_TTL_MS || this.contactsCache.version !== version) {
      const people = this.contacts.list(gateway);
      this.contactsCache = { at, version, people };
      people.catch(() => {
        this.contactsCache = undefined;
      });
    }
    return this.contactsCache.people;
  }

  async records(gateway: GraphGateway): Promise<MeetingRecord[]> {
    const items = await this.lists.meetings.find(gateway);
    return items
      .map(toMeetingRecord)
      .filter((record): record is MeetingRecord => record !== undefined)
      .sort((a, b) => a.startUtc.localeCompare(b.startUtc));
  }

  /** The register as one read of a readMany $batch (items that are not meetings come back undefined). */
  async recordsRead(gateway: GraphGateway): Promise<CollectionRead<MeetingRecord | undefined>> {
    const read = await this.lists.meetings.read(gateway);
    return { url: read.url, toValue: (raw) => toMeetingRecord(read.toValue(raw)) };
  }

  async list(gateway: GraphGateway, options: { upcoming: boolean }): Promise<MeetingSummary[]> {
    const nowIso = this.clock.now().toISOString();
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
    const record = toMeetingRecord(await this.lists.meetings.get(gateway, id));
    if (!record) throw new NotFoundError('Mötet finns inte i mötesregistret.');
    return record;
  }

  /**
   * Candidate times inside the window, on working days, from findMeetingTimes as the convener (planning.ts).
   */
  async plan(gateway: GraphGateway, caller: Acting, input: unknown): Promise<MeetingPlan> {
    requireAnyRole(caller.roles, PLAN_ACTIONS, caller);
    return PLANNING.run(() => this.planBounded(gateway, caller, input));
  }

  private async planBounded(gateway: GraphGateway, caller: Acting, input: unknown): Promise<MeetingPlan> {
    const request = planRequestSchema.parse(input);
    requireRole(caller.roles, planAction(request.group), caller);
    return this.planner.plan(gateway, caller, request, () => this.people(gateway));
  }

  // ------------------------------------------------------------------ send

  private prepareKallelse(gateway: GraphGateway, caller: Acting, input: unknown) {
    const deps: KallelseDeps = {
      lists: this.lists,
      decisions: this.decisions,
      clock: this.clock,
      people: (g) => this.people(g),
      records: (g) => this.records(g),
      kallaAction,
      kallaActions: KALLA_ACTIONS,
    };
    return prepareKallelse(deps, gateway, caller, input);
  }

  /** The kallelse as it would be sent (subject, time, place, dagordning, recipients per organisation); no write. */
  async preview(gateway: GraphGateway, caller: Acting, input: unknown): Promise<KallelsePreview> {
    const prepared = await this.prepareKallelse(gateway, caller, input);
    const already = seasonAlreadyCalled(prepared.request, prepared.register, prepared.operationKey);
    return kallelsePreview({ ...prepared, organisations: this.organisations, seasonAlreadyCalled: already });
  }

  /**
   * Sends the kallelse: one calendar event from the convener's mailbox with the dagordning, the place and a
   * Teams meeting, every member an attendee, registered in Möten. Journalled (kallelse.ts): the Möten item
   * first as `skickas`, then the event (its transactionId from the idempotency key: a repeat is no second
   * invitation), then the item's final state; a repeat looks the key up and finishes what is not done.
   */
  async send(
    gateway: GraphGateway,
    caller: Acting,
    input: unknown,
  ): Promise<{ meeting: MeetingRecord; created: boolean }> {
    const prepared = await this.prepareKallelse(gateway, caller, input);
    const { request, meeting, operationKey, existing, agenda, attendees } = prepared;
    const earlier = existing.map(toMeetingRecord).filter((record): record is MeetingRecord => record !== undefined);
    // A finished kallelse of this key is answered as it is; a half-done one (`skickas`) is finished below.
    const already = earlier.find((record) => record.status !== 'installt' && record.status !== 'skickas');
    if (already) return { meeting: already, created: false };
    // One samverkansgrupp meeting per season unless "extra möte" with a reason; refused before any write.
    const season = seasonKallelse(request, prepared.register, operationKey);
    const extraMeetingReason = season.extraMeeting ? season.extraReason : undefined;
    // The same key after a cancellation convenes anew: a new transactionId, or Graph would hand back the
    // cancelled event. A retry of that new kallelse finds the same number of cancelled ones, so the same id.
    const cancelled = earlier.filter((record) => record.status === 'installt').length;
    const eventKey = cancelled === 0 ? operationKey : `${operationKey}:omkallelse-${cancelled}`;
    const register = registerFields(meeting, agenda, {
      convenerEmail: caller.person.email,
      online: request.online,
      ...(extraMeetingReason ? { extraMeetingReason } : {}),
    });
    const { item } = await runKallelse({
      gateway,
      meetings: this.lists.meetings,
      operationKey,
      eventKey,
      organizer: organizerKey(caller.person),
      invitation: {
        subject: meeting.title,
        html: invitationHtml(meeting, agenda, request.online),
        date: meeting.date,
        startTime: meeting.startTime,
        endTime: meeting.endTime,
        ...(meeting.location ? { location: meeting.location } : {}),
        attendees: attendees.map((person) => ({ email: person.email, name: person.displayName })),
        online: request.online,
        category: MEETING_GROUP_LABELS[request.group].sv,
      },
      register,
      // From a draft: its register item becomes the meeting (`skickas` under this key), no second Möten item.
      earlier: prepared.draft
        ? await this.claimDraft(gateway, prepared.draft, existing, register, operationKey)
        : existing,
    });
    const record = toMeetingRecord(item);
    if (!record) throw new DomainRuleError('REGISTER_FAILED', 'Mötet kunde inte registreras.');
    return { meeting: record, created: true };
  }

  /** The draft's item as this kallelse's `skickas` item (If-Match: an editor's change meanwhile is a 409). */
  private async claimDraft(
    gateway: GraphGateway,
    draft: DraftRecord,
    existing: ListItemWithFields<MeetingFields>[],
    register: MeetingFields,
    operationKey: string,
  ): Promise<ListItemWithFields<MeetingFields>[]> {
    if (existing.some((item) => item.id === draft.id)) return existing;
    const claimed = await this.lists.meetings.update(gateway, draft.id, draft.etag, {
      ...register,
      OperationKey: operationKey,
    });
    return [...existing, claimed];
  }

  private assertConvener(caller: Acting, record: MeetingRecord, action: ActionId, done?: string): void {
    requireRole(caller.roles, action, { meetingGroup: record.group, appointedConvener: caller.appointedConvener });
    if (record.convenerEmail && record.convenerEmail !== caller.person.email) {
      throw new ForbiddenError(
        action,
        'Kallelsen skickades från en annan persons kalender; den personen kan ändra eller ställa in mötet.',
      );
    }
    if (!record.eventId) throw new DomainRuleError('NO_EVENT', 'Mötet har ingen kalenderhändelse att ändra.');
    if (record.status !== 'planerat' && record.status !== done) {
      throw new DomainRuleError('MEETING_NOT_PLANNED', 'Endast ett planerat möte kan ändras eller ställas in.');
    }
  }

  /** Moves the meeting, If-Match `etag` (reschedule.ts: a conflict answers the newer time, never last-wins). */
  async reschedule(
    gateway: GraphGateway,
    caller: Acting,
    id: string,
    input: unknown,
    etag?: string,
    app: GraphGateway = gateway,
  ): Promise<MeetingRecord> {
    requireAnyRole(caller.roles, ['meeting.reschedule'], caller);
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
    return moveMeeting({
      gateway,
      reader: app,
      meetings: this.lists.meetings,
      organizer: organizerKey(caller.person),
      record,
      etag,
      moved,
      room: request.room,
    });
  }

  /** Cancels once (`app` reads the event); a retry after a lost answer gets the cancelled meeting, not 422. */
  async cancel(gateway: GraphGateway, caller: Acting, id: string, input: unknown, app = gateway) {
    requireAnyRole(caller.roles, ['meeting.cancel'], caller);
    const request = cancelRequestSchema.parse(input);
    const record = await this.get(gateway, id);
    this.assertConvener(caller, record, 'meeting.cancel', 'installt');
    if (record.status === 'installt') return record;
    await cancelEventOnce({ write: gateway, read: app }, organizerKey(caller.person), record, request.comment);
    return this.updateRecord(gateway, record, { Status: 'installt', CancelComment: request.comment });
  }

  /** The protokoll is justerat: the meeting was held (the domain refuses a cancelled one). */
  async complete(gateway: GraphGateway, id: string): Promise<MeetingRecord> {
    const record = await this.get(gateway, id);
    if (record.status === 'genomfort') return record;
    const held = completeMeeting(toDomainMeeting(record));
    return this.updateRecord(gateway, record, { Status: held.status });
  }

  /** The link to the meeting's archive folder (archive.ts). */
  setArchiveUrl(gateway: GraphGateway, record: MeetingRecord, url: string): Promise<MeetingRecord> {
    return this.updateRecord(gateway, record, { ArchiveUrl: url });
  }

  /** Writes the register; a concurrent edit of the item is read again and the change applied once more. */
  private async updateRecord(
    gateway: GraphGateway,
    record: MeetingRecord,
    fields: Partial<MeetingFields>,
  ): Promise<MeetingRecord> {
    let etag = record.etag;
    for (let attempt = 0; ; attempt += 1) {
      try {
        const updated = toMeetingRecord(await this.lists.meetings.update(gateway, record.id, etag, fields));
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
    if (!hasInvitation(record)) return this.answersFrom(record, people, undefined);
    // Graph keys mailboxes by object id or UPN; the convener's id from Kontakter (their e-mail only if unresolved).
    const convener = people.find((p) => p.email === record.convenerEmail?.toLowerCase())?.entraObjectId;
    const attendees = await app.attendeeAnswers(convener ?? String(record.convenerEmail), String(record.eventId));
    return this.answersFrom(record, people, attendees);
  }

  /** The answers view from the attendees already read (undefined: the meeting has no invitation). */
  answersFrom(
    record: MeetingRecord,
    people: readonly ContactRecord[],
    attendees: readonly AttendeeAnswer[] | undefined,
  ): MeetingAnswersView {
    return answersView(record, people, attendees, this.organisations);
  }

  /**
   * Planned meetings from `from` on, soonest first, with their answers (for the bot's `möten`): the register
   * and the conveners' calendarViews in one $batch, whatever the number of meetings (see upcoming.ts).
   */
  async upcomingWithAnswers(app: GraphGateway, from: Date): Promise<MeetingAnswersView[]> {
    return upcomingWithAnswers(this, app, from, await this.people(app));
  }
}
