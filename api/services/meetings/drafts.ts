import {
  MEETING_DRAFT_STATUS,
  applyAgendaEdit,
  draftReferenceDate,
  isActive,
  proposeDraftAgenda,
  requireAnyRole,
  requireRole,
  seasonOf,
  toIsoDate,
  type DraftItem,
  type MeetingGroup,
} from '../../../src/domain';
import { agendaPutSchema, draftCreateSchema, type MeetingDraftView } from '../../../src/contract';
import { ConflictError } from '../../graph/errors';
import type { GraphGateway, ListItemWithFields } from '../../graph/gateway';
import type { AssignmentsService } from '../economy';
import type { ContactRecord } from '../contacts';
import { NotFoundError } from '../errors';
import type { ListStores } from '../lists';
import { systemClock, type Clock } from '../ports';
import type { MeetingDecisions } from './decisions';
import { DRAFT_AGENDA_MAX_CHARS, draftAgendaColumn, draftView, toDraftRecord, type DraftRecord } from './draftRecord';
import { meetingTitle, type MeetingFields, type MeetingRecord } from './register';
import { PLAN_ACTIONS, planAction, type Acting } from './service';
import { DomainRuleError } from '../../../src/domain';
import type { CalledAgenda } from './calledAgenda';

export interface DraftSources {
  decisions: Pick<MeetingDecisions, 'openFollowUps' | 'openProposals'>;
  assignments: Pick<AssignmentsService, 'list'>;
  people: (gateway: GraphGateway) => Promise<readonly ContactRecord[]>;
  records: (gateway: GraphGateway) => Promise<MeetingRecord[]>;
  /** A called meeting's dagordning: its change goes to the attendees as an update of the event. */
  called?: CalledAgenda;
}

type CalledDraft = DraftRecord & { called: MeetingRecord };
const isCalled = (draft: DraftRecord): draft is CalledDraft => draft.called !== undefined;

/** Who prepares a group's meeting: samverkansgruppen's ordförande (or sammankallande) and samordnare; stödgruppen's samordnare. */
export function assertDraftEditor(caller: Acting, group: MeetingGroup): void {
  requireRole(caller.roles, planAction(group), caller);
}

/**
 * Meetings being prepared (issue #16): a Möten item with Status `utkast` whose dagordning the editors change
 * together, If-Match on the item's eTag (a stale one is 409 with the dagordning as it is now).
 */
export class MeetingDrafts {
  constructor(
    private readonly lists: Pick<ListStores, 'meetings'>,
    private readonly sources: DraftSources,
    private readonly clock: Clock = systemClock,
  ) {}

  /** Kontakter's active people, by id, for föredragande. */
  async names(gateway: GraphGateway): Promise<Map<string, ContactRecord>> {
    const people = await this.sources.people(gateway);
    return new Map(people.filter((p) => isActive(p)).map((p) => [p.id, p]));
  }

  view(draft: DraftRecord, people: ReadonlyMap<string, ContactRecord>): MeetingDraftView {
    const view = draftView(draft, (id) => people.get(id)?.displayName);
    const called = draft.called && this.sources.called;
    return called ? { ...view, called: { attendees: called.attendees(draft.called!, [...people.values()]) } } : view;
  }

  async create(gateway: GraphGateway, caller: Acting, input: unknown): Promise<MeetingDraftView> {
    requireAnyRole(caller.roles, PLAN_ACTIONS, caller);
    const request = draftCreateSchema.parse(input);
    assertDraftEditor(caller, request.group);
    const year = request.year ?? Number(request.date!.slice(0, 4));
    const season =
      request.season ?? (request.group === 'samverkansgrupp' && request.date ? seasonOf(request.date) : undefined);
    const meeting = {
      group: request.group,
      year,
      ...(season ? { season } : {}),
      ...(request.date ? { date: request.date } : {}),
    };
    const asOf = toIsoDate(this.clock.now());
    const reference = draftReferenceDate(meeting);
    const [openProposals, followUps, assignments, people, records] = await Promise.all([
      this.sources.decisions.openProposals(gateway, asOf),
      this.sources.decisions.openFollowUps(gateway),
      this.sources.assignments.list(gateway),
      this.names(gateway),
      this.sources.records(gateway),
    ]);
    const next = records.find((r) => r.group === request.group && r.status === 'planerat' && r.date > reference);
    const items = proposeDraftAgenda({
      meeting,
      openProposals,
      followUps,
      assignments,
      people: [...people.values()],
      asOf,
      ...(next ? { nextMeeting: { date: next.date } } : {}),
    });
    const title =
      request.title ??
      (request.group === 'samverkansgrupp'
        ? meetingTitle(request.group, season, year)
        : `${meetingTitle(request.group, undefined, year)} ${request.date ?? year}`);
    const fields: MeetingFields = {
      Title: title,
      MeetingGroup: request.group,
      ...(season ? { Season: season } : {}),
      Year: year,
      Status: MEETING_DRAFT_STATUS,
      DraftAgenda: draftAgendaColumn.write({ ...(request.date ? { date: request.date } : {}), items }),
    };
    // Inside a request with an Idempotency-Key the item carries the operation's key: a repeat finds it.
    const draft = toDraftRecord(await this.lists.meetings.create(gateway, fields));
    if (!draft) throw new DomainRuleError('REGISTER_FAILED', 'Utkastet kunde inte registreras.');
    return this.view(draft, people);
  }

  /** The drafts of the register, soonest season first. */
  async list(gateway: GraphGateway): Promise<MeetingDraftView[]> {
    const [items, people] = await Promise.all([this.lists.meetings.find(gateway), this.names(gateway)]);
    return items
      .map((item) => toDraftRecord(item))
      .filter((d): d is DraftRecord => d !== undefined)
      .sort((a, b) => draftReferenceDate(a).localeCompare(draftReferenceDate(b)) || Number(a.id) - Number(b.id))
      .map((d) => this.view(d, people));
  }

  /** The draft, or a called meeting prepared as one (its dagordning still editable, sent as an update). */
  async record(gateway: GraphGateway, id: string): Promise<DraftRecord> {
    const draft = this.readDraft(await this.lists.meetings.get(gateway, id));
    if (!draft) throw new NotFoundError('Utkastet finns inte (mötet kan redan vara kallat).');
    return draft;
  }

  private readDraft(item: ListItemWithFields<MeetingFields>): DraftRecord | undefined {
    return toDraftRecord(item) ?? (this.sources.called ? toDraftRecord(item, { called: true }) : undefined);
  }

  /** Who may change it: the editors; once called, the organiser only (the update goes out from their calendar). */
  assertEditor(caller: Acting, draft: DraftRecord): void {
    assertDraftEditor(caller, draft.group);
    if (draft.called) this.sources.called?.assertOrganizer(caller, draft.called);
  }

  /** A called meeting's changed dagordning goes to every attendee as an update of the event (once per operation). */
  async publish(gateway: GraphGateway, caller: Acting, draft: DraftRecord): Promise<void> {
    if (isCalled(draft)) await this.sources.called?.send(gateway, caller, draft, await this.names(gateway));
  }

  async get(gateway: GraphGateway, id: string): Promise<MeetingDraftView> {
    const [draft, people] = await Promise.all([this.record(gateway, id), this.names(gateway)]);
    return this.view(draft, people);
  }

  /** Replaces the dagordning, If-Match `etag`: a stale version is a ConflictError with the current draft. */
  async putAgenda(
    gateway: GraphGateway,
    caller: Acting,
    id: string,
    input: unknown,
    etag: string | undefined,
  ): Promise<MeetingDraftView> {
    requireAnyRole(caller.roles, PLAN_ACTIONS, caller);
    const [draft, people] = await Promise.all([this.record(gateway, id), this.names(gateway)]);
    this.assertEditor(caller, draft);
    const request = agendaPutSchema.parse(input);
    const resumed = isCalled(draft) ? await this.sources.called?.resume(draft.id) : undefined;
    // A repeat of a change already sent answers the dagordning as it is; one already written only sends it.
    if (resumed?.done) return this.view(draft, people);
    if (resumed && resumed.etag === draft.etag) {
      await this.publish(gateway, caller, draft);
      return this.view(draft, people);
    }
    if (!etag) {
      throw new DomainRuleError('ETAG_REQUIRED', 'Ange vilken version av dagordningen du utgår från (If-Match).');
    }
    if (etag !== draft.etag) throw new ConflictError(this.view(draft, people));
    const items = applyAgendaEdit(draft.items, request.items, new Set(people.keys()));
    let written: DraftRecord;
    try {
      written = await this.write(gateway, draft, items);
    } catch (error) {
      if (error instanceof ConflictError) throw new ConflictError(await this.get(gateway, id));
      throw error;
    }
    if (isCalled(written)) await this.sources.called?.written(written.id, written.etag);
    await this.publish(gateway, caller, written);
    return this.view(written, people);
  }

  /** Writes the points with If-Match on the draft's eTag (the list's 412 is a ConflictError). */
  async write(gateway: GraphGateway, draft: DraftRecord, items: DraftItem[]): Promise<DraftRecord> {
    const value = draftAgendaColumn.write({ ...(draft.date ? { date: draft.date } : {}), items });
    if (value.length > DRAFT_AGENDA_MAX_CHARS) {
      throw new DomainRuleError('DRAFT_TOO_LONG', 'Dagordningen är för lång. Korta texterna under punkterna.');
    }
    // A called meeting's kallelse text in the register follows its points (what the update sends).
    const sent = isCalled(draft)
      ? this.sources.called?.registerFields(draft.called, items, await this.names(gateway))
      : undefined;
    const updated = this.readDraft(
      await this.lists.meetings.update(gateway, draft.id, draft.etag, { DraftAgenda: value, ...sent }),
    );
    if (!updated) throw new NotFoundError('Utkastet finns inte (mötet kan redan vara kallat).');
    return updated;
  }

  /** Applies `change` to the current points, read again once if another editor wrote meanwhile. */
  async change(gateway: GraphGateway, id: string, change: (draft: DraftRecord) => DraftItem[]): Promise<DraftRecord> {
    for (let attempt = 0; ; attempt++) {
      const draft = await this.record(gateway, id);
      try {
        return await this.write(gateway, draft, change(draft));
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= 2) throw error;
      }
    }
  }
}
