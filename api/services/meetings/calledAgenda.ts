import {
  DomainRuleError,
  agendaToText,
  buildAgenda,
  draftAgendaItems,
  escapeHtml,
  toIsoDate,
  type Agenda,
  type DraftItem,
} from '../../../src/domain';
import type { CalendarApi } from '../../graph/calendar';
import type { ContactRecord } from '../contacts';
import { systemClock, type Clock } from '../ports';
import { currentOperationKey } from '../../state/operation';
import type { OperationJournal } from '../../state/store';
import type { DraftRecord } from './draftRecord';
import { agendaMeeting, invitationHtml } from './invitation';
import { groupMembers, toDomainMeeting, type MeetingFields, type MeetingRecord } from './register';
import type { Acting } from './service';

const same = (a: string | undefined, b: string) => (a ?? '').trim().toLowerCase() === b.trim().toLowerCase();

/** Where a change of a called meeting's dagordning stands in its operation (journalled per operation). */
export type CalledResume = { done: true } | { done: false; etag: string } | undefined;

/**
 * The dagordning of a meeting whose kallelse is sent (issue #16): a change is written to the register (the
 * draft's points and the kallelse's text) and then sent as an update of the calendar event, as its organiser
 * (delegated): Graph sends every attendee the update. Journalled per operation, so a repeat PATCHes once.
 */
export class CalledAgenda {
  constructor(
    private readonly journal?: OperationJournal,
    private readonly clock: Clock = systemClock,
  ) {}

  /** How many the kallelse went to: the group's members other than the organiser. */
  attendees(meeting: MeetingRecord, people: readonly ContactRecord[]): number {
    return groupMembers(people, meeting.group).filter((p) => !same(meeting.convenerEmail, p.email)).length;
  }

  /** The update goes out from the organiser's calendar: only they can send it (a delegated call as them). */
  assertOrganizer(caller: Acting, meeting: MeetingRecord): void {
    if (meeting.convenerEmail && !same(meeting.convenerEmail, caller.person.email)) {
      throw new DomainRuleError(
        'NOT_ORGANIZER',
        'Kallelsen skickades från en annan persons kalender. Den personen ändrar dagordningen och skickar uppdateringen.',
      );
    }
    if (!meeting.eventId) throw new DomainRuleError('NO_EVENT', 'Mötet har ingen kalenderhändelse att uppdatera.');
  }

  private agenda(meeting: MeetingRecord, items: readonly DraftItem[], people: ReadonlyMap<string, ContactRecord>) {
    const generated: Agenda = buildAgenda({
      meeting: agendaMeeting(toDomainMeeting(meeting)),
      asOf: toIsoDate(this.clock.now()),
    });
    return { ...generated, items: draftAgendaItems(items, (id) => people.get(id)?.displayName) };
  }

  /** The register's text of the kallelse, written with the points. */
  registerFields(
    meeting: MeetingRecord,
    items: readonly DraftItem[],
    people: ReadonlyMap<string, ContactRecord>,
  ): Partial<MeetingFields> {
    return { Agenda: agendaToText(this.agenda(meeting, items, people)) };
  }

  private key(meetingId: string): string | undefined {
    const operation = currentOperationKey();
    return operation && this.journal ? `agenda-update:${meetingId}:${operation}` : undefined;
  }

  /** This operation's change: sent already, written to the register (its eTag then), or not begun. */
  async resume(meetingId: string): Promise<CalledResume> {
    const key = this.key(meetingId);
    const record = key ? await this.journal!.getOperation(key) : undefined;
    if (record?.status === 'succeeded') return { done: true };
    const etag = record?.detail?.etag;
    return typeof etag === 'string' ? { done: false, etag } : undefined;
  }

  /** The register holds the change (its new eTag): a repeat sends the update without writing again. */
  async written(meetingId: string, etag: string): Promise<void> {
    const key = this.key(meetingId);
    if (key) await this.journal!.recordOperation(key, 'started', { etag });
  }

  /** PATCHes the event's body with the new dagordning as the organiser; Graph sends every attendee the update. */
  async send(
    gateway: Pick<CalendarApi, 'updateEventBody'>,
    caller: Acting,
    draft: DraftRecord & { called: MeetingRecord },
    people: ReadonlyMap<string, ContactRecord>,
  ): Promise<void> {
    const meeting = draft.called;
    const body = invitationHtml(toDomainMeeting(meeting), this.agenda(meeting, draft.items, people), meeting.isOnline);
    // The update's text keeps the Teams link (Exchange's own block is not read back, see updateEventBody).
    const join = meeting.joinUrl && /^https:\/\//.test(meeting.joinUrl) ? meeting.joinUrl : undefined;
    const html = join ? `${body}\n<p><a href="${escapeHtml(join)}">Anslut till Teamsmötet</a></p>` : body;
    await gateway.updateEventBody(caller.person.entraObjectId ?? caller.person.email, String(meeting.eventId), html);
    const key = this.key(draft.id);
    if (key) await this.journal!.recordOperation(key, 'succeeded', { etag: draft.etag });
  }
}
