import { useEffect, useState } from 'react';
import type { Me } from '../api';
import { useI18n } from '../i18n';
import { useLoad } from '../services';
import { ErrorMessage, Loading } from '../ui/status';
import type { MeetingRecordDto, ProtocolViewDto } from '../../contract';
import { meetingsApi, type MeetingsApi } from './api';
import { AttendanceSection } from './protocol/AttendanceSection';
import { DecisionsSection } from './protocol/DecisionsSection';
import { NotesSection } from './protocol/NotesSection';
import { ProtocolSection } from './protocol/ProtocolSection';
import { MinutesSection } from './protocol/MinutesSection';
import { PROTOCOL_KIND_RULES, isLockedStatus, protocolKind } from '../../domain/protocolKind';

/**
 * After the meeting: närvaro, beslut, notes per point and the record of the meeting's kind: samverkansgruppen's
 * protokoll with two justerare, or stödgruppen's minnesanteckningar (no beslut, no justering: the secretary fastställer).
 */
export function ProtocolPanel({ api, meeting, me }: { api: MeetingsApi; meeting: MeetingRecordDto; me: Me }) {
  const { t } = useI18n();
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
  const locked = isLockedStatus(current.status);
  const kind = protocolKind(meeting.group);
  const Closing = kind === 'protokoll' ? ProtocolSection : MinutesSection;

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
      {PROTOCOL_KIND_RULES[kind].decides ? (
        <DecisionsSection
          api={api}
          meetingId={meeting.id}
          decisions={decisions}
          editable={mayRecord && !locked}
          onSaved={data.reload}
        />
      ) : (
        <p>{t('minutes.noDecisions')}</p>
      )}
      <NotesSection api={api} meetingId={meeting.id} minutes={minutes} editable={mayRecord && !locked} kind={kind} />
      <Closing
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
