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
import { systemClock, type Clock, type Logger } from '../ports';
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
    private readonly logger?: Pick<Logger, 'warn'>,
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

  /**
   * PATCHes the event's body with the new dagordning as the organiser (Exchange's Teams block kept, see
   * updateEventBody); Graph sends every attendee the update.
   */
  async send(
    gateway: Pick<CalendarApi, 'updateEventBody'>,
    caller: Acting,
    draft: DraftRecord & { called: MeetingRecord },
    people: ReadonlyMap<string, ContactRecord>,
  ): Promise<void> {
    const meeting = draft.called;
    const html = invitationHtml(toDomainMeeting(meeting), this.agenda(meeting, draft.items, people), meeting.isOnline);
    // Exchange's Teams block is kept by updateEventBody; only a body without one gets the app's own join link.
    const ownLink = (join: string) =>
      /^https:\/\//.test(join) ? `${html}\n<p><a href="${escapeHtml(join)}">Anslut till Teamsmötet</a></p>` : html;
    const organizer = caller.person.entraObjectId ?? caller.person.email;
    const sent = await gateway.updateEventBody(organizer, String(meeting.eventId), html, ownLink);
    if (sent.blob === 'missing')
      this.logger?.warn(
        { meetingId: meeting.id, eventId: meeting.eventId },
        "online meeting's body had no Teams block: the update carries the app's own join link",
      );
    const key = this.key(draft.id);
    if (key) await this.journal!.recordOperation(key, 'succeeded', { etag: draft.etag });
  }
}
