import { Button } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import type { Me } from '../api';
import { useI18n } from '../i18n';
import { useLoad, useServices } from '../services';
import { ErrorMessage, Loading } from '../ui/status';
import { workingGroupsApi } from '../workingGroups/api';
import { AppointForm } from '../workingGroups/AppointForm';
import { GROUP_VIEWS, GroupViews } from '../workingGroups/GroupViews';
import { useGroupActions } from '../workingGroups/useGroupActions';
import { PageHeading } from '../ui/PageHeading';
import { usePageView } from '../ui/usePageView';

/** Arbetsgrupper: active or ended groups (one view at a time); the coordinator appoints in a dialog, changes, ends. */
export function WorkingGroupsPage({ me }: { me: Me }) {
  const { t } = useI18n();
  const { api } = useServices();
  const groupsApi = useMemo(() => workingGroupsApi(api), [api]);
  const canAppoint = me.allowedActions.includes('workinggroup.appoint');
  const canManage = me.allowedActions.includes('workinggroup.members');
  const data = useLoad(async (client) => {
    const [groups, people] = await Promise.all([workingGroupsApi(client).list(), client.people()]);
    return { groups, people };
  });
  // The bot's `arbetsgrupp ny` card links to `#/arbetsgrupper?ny=1`: open the form straight away.
  const [appointing, setAppointing] = useState(() => canAppoint && /[?&]ny=1\b/.test(window.location.hash));
  // A new appointment starts from an empty form: the form is remounted each time the dialog opens.
  const [round, setRound] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const [view, setView] = usePageView('arbetsgrupper', GROUP_VIEWS);

  const after = (message: string) => {
    setAnnouncement(message);
    data.reload();
  };

  const actions = useGroupActions(groupsApi, after, setAnnouncement);
  const people = data.status === 'ready' ? data.data.people : [];

  return (
    <>
      <PageHeading>{t('wg.title')}</PageHeading>
      <p>{t('wg.intro')}</p>
      <div role="status" aria-live="polite">
        {announcement}
      </div>
      {data.status === 'loading' && <Loading />}
      {data.status === 'error' && <ErrorMessage error={data.error} onRetry={data.reload} />}
      {data.status === 'ready' && (
        <>
          {canAppoint && (
            <p>
              <Button
                appearance="primary"
                icon={<AddRegular aria-hidden />}
                onClick={() => {
                  setRound((n) => n + 1);
                  setAppointing(true);
                }}
              >
                {t('wg.appoint')}
              </Button>
            </p>
          )}
          <GroupViews
            groups={data.data.groups}
            view={view}
            onView={setView}
            people={people}
            canManage={canManage}
            actions={actions}
          />
          {canAppoint && (
            <AppointForm
              key={round}
              open={appointing}
              people={data.data.people}
              onCancel={() => setAppointing(false)}
              onSubmit={async (request) => {
                const group = await groupsApi.appoint(request);
                setAppointing(false);
                setView('aktiva');
                after(t('wg.appointed', { name: group.name }));
              }}
            />
          )}
        </>
      )}
    </>
  );
}
