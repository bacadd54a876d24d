import {
  MEETING_GROUP_LABELS,
  agendaToHtml,
  agendaToText,
  createMeeting,
  escapeHtml,
  formatDateSv,
  meetingToIcsEvent,
  type Agenda,
  type Meeting,
} from '../../../src/domain';
import type { SendRequest } from '../../../src/contract';
import { meetingTitle, toDomainMeeting, type MeetingFields, type MeetingRecord } from './register';

/** The meeting a kallelse asks for, checked by the domain's rules (times, window, reason). */
export function meetingOf(request: SendRequest): Meeting {
  const year = Number(request.date.slice(0, 4));
  return createMeeting({
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
}

/** What the dagordning says of its meeting. */
export function agendaMeeting(meeting: Meeting) {
  return {
    group: meeting.group,
    title: meeting.title,
    date: meeting.date,
    startTime: meeting.startTime,
    endTime: meeting.endTime,
    ...(meeting.location ? { location: meeting.location } : {}),
  };
}

/** The invitation's body: a Swedish welcome with time and place, then the dagordning. */
export function invitationHtml(meeting: Meeting, agenda: Agenda, online: boolean): string {
  const groupLabel = MEETING_GROUP_LABELS[meeting.group].sv;
  const intro =
    `<p>Välkommen till ${escapeHtml(groupLabel.toLowerCase())}s möte ${escapeHtml(formatDateSv(meeting.date))} ` +
    `kl. ${meeting.startTime}–${meeting.endTime}${meeting.location ? `, ${escapeHtml(meeting.location)}` : ''}.` +
    `${online ? ' Du kan också delta via Teams.' : ''} Svara gärna på inbjudan så att vi vet vilka kommuner som är representerade.</p>` +
    (meeting.outsideWindowReason
      ? `<p>Mötet hålls utanför den ordinarie perioden: ${escapeHtml(meeting.outsideWindowReason)}</p>`
      : '');
  return `${intro}\n${agendaToHtml(agenda)}`;
}

/**
 * The Möten item of a kallelse (its operation key is the store's to write): `skickas` until the invitation is
 * confirmed sent, then `planerat` with the event's id and join link.
 */
export function registerFields(
  meeting: Meeting,
  agenda: Agenda,
  sending: {
    convenerEmail: string;
    online: boolean;
    sent?: { eventId: string; joinUrl?: string };
    extraMeetingReason?: string;
  },
): MeetingFields {
  return {
    Title: meeting.title,
    MeetingGroup: meeting.group,
    ...(meeting.season ? { Season: meeting.season } : {}),
    Year: Number(meeting.date.slice(0, 4)),
    StartDateTime: meeting.startUtc,
    EndDateTime: meeting.endUtc,
    Status: sending.sent ? 'planerat' : 'skickas',
    ...(sending.sent ? { EventId: sending.sent.eventId } : {}),
    ...(meeting.location ? { Location: meeting.location } : {}),
    Agenda: agendaToText(agenda),
    ...(meeting.outsideWindowReason ? { OutsideWindowReason: meeting.outsideWindowReason } : {}),
    ...(sending.extraMeetingReason ? { ExtraMeetingReason: sending.extraMeetingReason } : {}),
    ConvenerEmail: sending.convenerEmail,
    IsOnline: sending.online,
    ...(sending.sent?.joinUrl ? { JoinUrl: sending.sent.joinUrl } : {}),
  };
}

/** A register meeting as an iCalendar event (the link only when it is https). */
export function meetingIcsEvent(record: MeetingRecord) {
  const location = [record.location, record.isOnline ? 'Teams' : undefined].filter(Boolean).join(', ');
  return meetingToIcsEvent(toDomainMeeting(record), {
    ...(location ? { location } : {}),
    ...(record.agendaText ? { description: record.agendaText } : {}),
    ...(record.joinUrl && /^https:\/\//.test(record.joinUrl) ? { url: record.joinUrl } : {}),
    ...(record.convenerEmail ? { organizer: { email: record.convenerEmail } } : {}),
  });
}
