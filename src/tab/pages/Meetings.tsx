import { Suspense, lazy, useMemo, useState } from 'react';
import { MEETING_GROUPS, type MeetingDraftView } from '../../contract';
import type { Me } from '../api';
import { useI18n } from '../i18n';
import { PageHeading } from '../ui/PageHeading';
import { MeetingDetail } from '../meetings/MeetingDetail';
import { MeetingRegister } from '../meetings/MeetingRegister';
import { PlanMeeting } from '../meetings/PlanMeeting';
import { ConvenerLine } from '../meetings/convener/ConvenerLine';
import { Polls } from '../meetings/Polls';
import { meetingsApi } from '../meetings/api';
import { useLoad, useServices } from '../services';
import { pageTarget } from '../routes';
import { Loading } from '../ui/status';

// The draft editor (issue #16) comes in its own chunk, for those who prepare meetings.
const DraftsSection = lazy(() => import('../meetings/draft/DraftsSection').then((m) => ({ default: m.DraftsSection })));
const PREPARE_ACTIONS = ['samverkansgrupp.plan', 'stodgrupp.kalla'];

/** Möten: plan and convene, the register, one meeting's answers and protokoll, and the date polls. */
export function MeetingsPage({ me }: { me: Me }) {
  const { t } = useI18n();
  const { api: client } = useServices();
  const api = useMemo(() => meetingsApi(client), [client]);
  const data = useLoad(async (c) => {
    const m = meetingsApi(c);
    const [records, polls] = await Promise.all([m.records(), m.polls()]);
    return { records, polls };
  });
  // `#/moten/7` (a link from "Att göra") opens that meeting.
  const [selectedId, setSelectedId] = useState<string | undefined>(() => pageTarget(window.location));
  const groups = MEETING_GROUPS.filter((group) => me.allowedActions.includes(`${group}.kalla`));
  const [callDraft, setCallDraft] = useState<MeetingDraftView>();
  const prepares = PREPARE_ACTIONS.some((action) => me.allowedActions.includes(action));
  const selected = data.status === 'ready' ? data.data.records.find((m) => m.id === selectedId) : undefined;

  return (
    <>
      <PageHeading>{t('nav.moten')}</PageHeading>
      <ConvenerLine />
      {groups.length > 0 && (
        <PlanMeeting
          api={api}
          groups={[...groups]}
          onSent={(meeting) => {
            setSelectedId(meeting.id);
            setCallDraft(undefined);
            data.reload();
          }}
          draft={callDraft}
          onClearDraft={() => setCallDraft(undefined)}
        />
      )}
      {prepares && (
        <Suspense fallback={<Loading />}>
          <DraftsSection
            me={me}
            callGroups={groups}
            onCall={(draft) => {
              setCallDraft(draft);
              document.getElementById('meetings-plan')?.scrollIntoView();
            }}
          />
        </Suspense>
      )}
      <MeetingRegister api={api} data={data} selectedId={selectedId} onSelect={setSelectedId} />
      {selected && (
        <MeetingDetail
          key={`${selected.id}-${selected.etag}`}
          api={api}
          meeting={selected}
          me={me}
          onChanged={data.reload}
        />
      )}
      {data.status === 'ready' && <Polls api={api} polls={data.data.polls} />}
    </>
  );
}
