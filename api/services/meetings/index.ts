/** Meetings: the register (Möten), planning and sending the kallelse, date polls, protokoll, decisions taken at meetings, and the notices in Teams. */
export { meetingDecisionsOver, toAgendaAssignments } from './decisions';
export { botMeetingsPoster, MeetingNotices, type MeetingsPoster } from './notices';
export { MeetingPolls } from './polls';
export { MeetingProtocols, type ProtocolView } from './protocol';
export { MeetingMinutes } from './minutes';
export { groupsOf, nextCalledMeeting, toDomainMeeting } from './register';
export { MeetingsService } from './service';
export { MeetingCalendars } from './calendarFiles';
export { Conveners, type ConvenerView } from './conveners';
export type { Acting } from './service';
export { MeetingDrafts } from './drafts';
export { CalledAgenda } from './calledAgenda';
export { DraftDocuments, DOCUMENTS_FOLDER } from './draftDocuments';
export { MeetingsInTeams, matchAttendance } from './inTeams';
export { MeetingArchive, ARCHIVE_FOLDER } from './archive';
