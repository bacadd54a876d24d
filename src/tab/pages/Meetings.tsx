import { Suspense, lazy, useMemo, useState } from 'react';
import { MEETING_GROUPS, type MeetingDraftView, type MeetingRecordDto } from '../../contract';
import type { Me } from '../api';
import { useI18n } from '../i18n';
import { PageHeading } from '../ui/PageHeading';
import { MeetingDetail } from '../meetings/MeetingDetail';
import { MeetingRegister } from '../meetings/MeetingRegister';
import { PlanMeeting } from '../meetings/PlanMeeting';
import { ConvenerLine } from '../meetings/convener/ConvenerLine';
import { Polls } from '../meetings/Polls';
import { meetingsApi } from '../meetings/api';
import { useMeetingsRoute, type MeetingsView } from '../meetings/useMeetingsRoute';
import { useLoad, useServices } from '../services';
import { ErrorMessage, Loading } from '../ui/status';
import { ViewPanel, ViewTabs } from '../ui/ViewTabs';

// The draft editor (issue #16) comes in its own chunk, for those who prepare meetings.
const DraftsSection = lazy(() => import('../meetings/draft/DraftsSection').then((m) => ({ default: m.DraftsSection })));
const PREPARE_ACTIONS = ['samverkansgrupp.plan', 'stodgrupp.kalla'];

/**
 * Möten, one thing at a time: the register, preparing a dagordning, planning and calling, and the date polls as
 * views; a meeting opened from the register (or from a `#/moten/7` link in "Att göra") on its own view.
 */
export function MeetingsPage({ me }: { me: Me }) {
  const { t } = useI18n();
  const { api: client } = useServices();
  const api = useMemo(() => meetingsApi(client), [client]);
  const data = useLoad(async (c) => {
    const m = meetingsApi(c);
    const [records, polls] = await Promise.all([m.records(), m.polls()]);
    return { records, polls };
  });
  const groups = MEETING_GROUPS.filter((group) => me.allowedActions.includes(`${group}.kalla`));
  const prepares = PREPARE_ACTIONS.some((action) => me.allowedActions.includes(action));
  const views: MeetingsView[] = [
    'moten',
    ...(prepares ? (['forbered'] as const) : []),
    ...(groups.length > 0 ? (['planera'] as const) : []),
    'omrostningar',
  ];
  const route = useMeetingsRoute(views);
  const [callDraft, setCallDraft] = useState<MeetingDraftView>();
  const [notice, setNotice] = useState<string>();
  // The meeting just called, shown at once while the register is read again.
  const [sent, setSent] = useState<MeetingRecordDto>();
  const records = data.status === 'ready' ? data.data.records : [];
  const selected = records.find((m) => m.id === route.meetingId) ?? (sent?.id === route.meetingId ? sent : undefined);
  const open = (id: string) => {
    setNotice(undefined);
    route.openMeeting(id);
  };

  if (route.meetingId) {
    return (
      <>
        <PageHeading>{t('nav.moten')}</PageHeading>
        {data.status === 'loading' && <Loading />}
        {data.status === 'error' && <ErrorMessage error={data.error} onRetry={data.reload} />}
        {data.status === 'ready' && !selected && <p role="status">{t('meetings.notFound')}</p>}
        {selected && (
          <MeetingDetail
            key={`${selected.id}-${selected.etag}`}
            api={api}
            meeting={selected}
            me={me}
            part={route.part}
            notice={notice}
            onPart={(part) => route.showPart(selected.id, part)}
            onBack={() => {
              setNotice(undefined);
              route.back();
            }}
            onChanged={(message) => {
              setNotice(message);
              data.reload();
            }}
          />
        )}
      </>
    );
  }

  return (
    <>
      <PageHeading>{t('nav.moten')}</PageHeading>
      <ConvenerLine />
      <ViewTabs
        idPrefix="meetings"
        label={t('meetings.views')}
        views={views}
        view={route.view}
        labelOf={(v) => t(`meetings.view.${v}`)}
        onView={route.showView}
      />
      <ViewPanel idPrefix="meetings" view={route.view}>
        {route.view === 'moten' && <MeetingRegister api={api} data={data} onSelect={open} />}
        {route.view === 'forbered' && (
          <Suspense fallback={<Loading />}>
            <DraftsSection
              me={me}
              callGroups={groups}
              onCall={(draft) => {
                setCallDraft(draft);
                route.showView('planera');
              }}
            />
          </Suspense>
        )}
        {route.view === 'planera' && (
          <PlanMeeting
            api={api}
            groups={[...groups]}
            onSent={(meeting, message) => {
              setCallDraft(undefined);
              setSent(meeting);
              data.reload();
              setNotice(message);
              route.openMeeting(meeting.id);
            }}
            draft={callDraft}
            onClearDraft={() => setCallDraft(undefined)}
          />
        )}
        {route.view === 'omrostningar' && (
          <>
            {data.status === 'loading' && <Loading />}
            {data.status === 'ready' && <Polls api={api} polls={data.data.polls} />}
          </>
        )}
      </ViewPanel>
    </>
  );
}
