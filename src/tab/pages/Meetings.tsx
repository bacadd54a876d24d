import { Suspense, lazy, useMemo, useState } from 'react';
import { MEETING_GROUPS, type MeetingDraftView, type MeetingRecordDto } from '../../contract';
import type { Me } from '../api';
import { useI18n } from '../i18n';
import { PageHeading } from '../ui/PageHeading';
import { MeetingDetail, type MeetingDetailNotice } from '../meetings/MeetingDetail';
import { MeetingRegister } from '../meetings/MeetingRegister';
import { PlanMeeting } from '../meetings/PlanMeeting';
import { ConvenerLine } from '../meetings/convener/ConvenerLine';
import { Polls } from '../meetings/Polls';
import { meetingsApi, type MeetingsApi } from '../meetings/api';
import { useMeetingsRoute, type MeetingsView } from '../meetings/useMeetingsRoute';
import { useLoad, useServices } from '../services';
import { ErrorMessage, Loading } from '../ui/status';
import { ViewPanel, ViewTabs } from '../ui/ViewTabs';

// The draft editor (issue #16) comes in its own chunk, for those who prepare meetings.
const DraftsSection = lazy(() => import('../meetings/draft/DraftsSection').then((m) => ({ default: m.DraftsSection })));
const PREPARE_ACTIONS = ['samverkansgrupp.plan', 'stodgrupp.kalla'];

type Group = (typeof MEETING_GROUPS)[number];
type MeetingsData = ReturnType<typeof useMeetingsData>;
type Route = ReturnType<typeof useMeetingsRoute>;

function useMeetingsData() {
  return useLoad(async (c) => {
    const m = meetingsApi(c);
    const [records, polls] = await Promise.all([m.records(), m.polls()]);
    return { records, polls };
  });
}

/** What the page says about the meeting last acted on: the notice, and the meeting just called. */
function useMeetingNotice() {
  const [notice, setNotice] = useState<MeetingDetailNotice>();
  // The meeting just called, shown at once while the register is read again.
  const [sent, setSent] = useState<MeetingRecordDto>();
  return { notice, setNotice, sent, setSent };
}
type MeetingNotice = ReturnType<typeof useMeetingNotice>;

/** One meeting on its own view (`#/moten/7`), read from the register. */
function MeetingView({
  api,
  me,
  data,
  route,
  notice: { notice, setNotice, sent },
}: {
  api: MeetingsApi;
  me: Me;
  data: MeetingsData;
  route: Route;
  notice: MeetingNotice;
}) {
  const { t } = useI18n();
  const records = data.status === 'ready' ? data.data.records : [];
  const selected = records.find((m) => m.id === route.meetingId) ?? (sent?.id === route.meetingId ? sent : undefined);
  if (!selected) {
    if (data.status === 'error') return <ErrorMessage error={data.error} onRetry={data.reload} />;
    if (data.status === 'loading') return <Loading />;
    return <p role="status">{t('meetings.notFound')}</p>;
  }
  return (
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
      onChanged={(message, intent) => {
        setNotice(message ? { message, intent } : undefined);
        data.reload();
      }}
    />
  );
}

/** The selected view's content: the register, the drafts, planning and calling, or the date polls. */
function ViewContent({
  api,
  me,
  data,
  route,
  groups,
  notice,
}: {
  api: MeetingsApi;
  me: Me;
  data: MeetingsData;
  route: Route;
  groups: Group[];
  notice: MeetingNotice;
}) {
  const [callDraft, setCallDraft] = useState<MeetingDraftView>();
  switch (route.view) {
    case 'moten':
      return (
        <MeetingRegister
          api={api}
          data={data}
          onSelect={(id) => {
            notice.setNotice(undefined);
            route.openMeeting(id);
          }}
        />
      );
    case 'forbered':
      return (
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
      );
    case 'planera':
      return (
        <PlanMeeting
          api={api}
          groups={[...groups]}
          onSent={(meeting, message) => {
            setCallDraft(undefined);
            notice.setSent(meeting);
            notice.setNotice(message ? { message } : undefined);
            data.reload();
            route.openMeeting(meeting.id);
          }}
          draft={callDraft}
          onClearDraft={() => setCallDraft(undefined)}
        />
      );
    case 'omrostningar':
      return data.status === 'ready' ? <Polls api={api} polls={data.data.polls} /> : <Loading />;
  }
}

/**
 * Möten, one thing at a time: the register, preparing a dagordning, planning and calling, and the date polls as
 * views; a meeting opened from the register (or from a `#/moten/7` link in "Att göra") on its own view.
 */
export function MeetingsPage({ me }: { me: Me }) {
  const { t } = useI18n();
  const { api: client } = useServices();
  const api = useMemo(() => meetingsApi(client), [client]);
  const data = useMeetingsData();
  const groups = MEETING_GROUPS.filter((group) => me.allowedActions.includes(`${group}.kalla`));
  const prepares = PREPARE_ACTIONS.some((action) => me.allowedActions.includes(action));
  const views: MeetingsView[] = [
    'moten',
    ...(prepares ? (['forbered'] as const) : []),
    ...(groups.length > 0 ? (['planera'] as const) : []),
    'omrostningar',
  ];
  const route = useMeetingsRoute(views);
  const notice = useMeetingNotice();
  const props = { api, me, data, route, notice };
  return (
    <>
      <PageHeading>{t('nav.moten')}</PageHeading>
      {route.meetingId ? (
        <MeetingView {...props} />
      ) : (
        <>
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
            <ViewContent {...props} groups={groups} />
          </ViewPanel>
        </>
      )}
    </>
  );
}
