import { useEffect, useState } from 'react';
import type { Me } from '../api';
import { useLoad } from '../services';
import { ErrorMessage, Loading } from '../ui/status';
import type { MeetingRecordDto, ProtocolViewDto } from '../../contract';
import { meetingsApi, type MeetingsApi } from './api';
import { AttendanceSection } from './protocol/AttendanceSection';
import { DecisionsSection } from './protocol/DecisionsSection';
import { NotesSection } from './protocol/NotesSection';
import { ProtocolSection } from './protocol/ProtocolSection';

/** After the meeting: närvaro, beslut, protokoll with two justerare, and the PDF once it is justerat. */
export function ProtocolPanel({ api, meeting, me }: { api: MeetingsApi; meeting: MeetingRecordDto; me: Me }) {
  const mayRecord = me.allowedActions.includes('meeting.attendance');
  const myEmail = me.person.email.toLowerCase();
  const data = useLoad(async (client) => {
    const m = meetingsApi(client);
    const [attendance, decisions, protocol, minutes] = await Promise.all([
      m.attendance(meeting.id),
      m.decisions(meeting.id),
      m.protocol(meeting.id),
      m.minutes(meeting.id),
    ]);
    return { attendance, decisions, protocol, minutes };
  });
  const [present, setPresent] = useState<Record<string, boolean>>({});
  const [protocol, setProtocol] = useState<ProtocolViewDto>();

  const loaded = data.status === 'ready' ? data.data : undefined;
  useEffect(() => {
    if (!loaded) return;
    setPresent(Object.fromEntries(loaded.attendance.map((row) => [row.email, row.present])));
    setProtocol(loaded.protocol);
  }, [loaded]);

  if (data.status === 'loading') return <Loading />;
  if (data.status === 'error') return <ErrorMessage error={data.error} onRetry={data.reload} />;
  const { attendance, decisions, minutes } = data.data;
  const current = protocol ?? data.data.protocol;
  const locked = current.status === 'justerat';

  return (
    <>
      <AttendanceSection
        api={api}
        meeting={meeting}
        attendance={attendance}
        present={present}
        onPresent={setPresent}
        mayRecord={mayRecord}
        locked={locked}
        onSaved={data.reload}
      />
      <DecisionsSection
        api={api}
        meetingId={meeting.id}
        decisions={decisions}
        editable={mayRecord && !locked}
        onSaved={data.reload}
      />
      <NotesSection api={api} meetingId={meeting.id} minutes={minutes} editable={mayRecord && !locked} />
      <ProtocolSection
        api={api}
        meeting={meeting}
        myEmail={myEmail}
        current={current}
        attendance={attendance}
        editable={mayRecord && !locked}
        onProtocol={setProtocol}
        {...(minutes.samordnareEmail ? { samordnareEmail: minutes.samordnareEmail } : {})}
      />
    </>
  );
}
