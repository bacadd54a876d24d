import { Button } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import type { Me } from '../api';
import { useI18n } from '../i18n';
import { useLoad, useServices } from '../services';
import { ErrorMessage, Loading } from '../ui/status';
import { workingGroupsApi } from '../workingGroups/api';
import { AppointForm } from '../workingGroups/AppointForm';
import { GroupSection } from '../workingGroups/GroupSection';
import { useGroupActions } from '../workingGroups/useGroupActions';
import { PageHeading } from '../ui/PageHeading';
import { usePageStyles } from '../ui/styles';

/** Arbetsgrupper: active and ended groups with members and channel; the coordinator appoints, changes and ends. */
export function WorkingGroupsPage({ me }: { me: Me }) {
  const styles = usePageStyles();
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
  const [announcement, setAnnouncement] = useState('');

  const after = (message: string) => {
    setAnnouncement(message);
    data.reload();
  };

  const actions = useGroupActions(groupsApi, after, setAnnouncement);
  const people = data.status === 'ready' ? data.data.people : [];
  const sectionProps = { people, canManage, actions };

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
          {canAppoint && !appointing && (
            <p>
              <Button appearance="primary" icon={<AddRegular aria-hidden />} onClick={() => setAppointing(true)}>
                {t('wg.appoint')}
              </Button>
            </p>
          )}
          {canAppoint && appointing && (
            <section className={styles.section}>
              <AppointForm
                people={data.data.people}
                onCancel={() => setAppointing(false)}
                onSubmit={async (request) => {
                  const group = await groupsApi.appoint(request);
                  setAppointing(false);
                  after(t('wg.appointed', { name: group.name }));
                }}
              />
            </section>
          )}
          <GroupSection
            title={t('wg.active')}
            groups={data.data.groups.filter((g) => g.status === 'aktiv')}
            empty={t('wg.noActive')}
            {...sectionProps}
          />
          <GroupSection
            title={t('wg.ended')}
            groups={data.data.groups.filter((g) => g.status === 'avslutad')}
            empty={t('wg.noEnded')}
            {...sectionProps}
          />
        </>
      )}
    </>
  );
}
