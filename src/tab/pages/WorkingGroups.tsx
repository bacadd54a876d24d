import { Button } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import type { Me } from '../api';
import { useI18n } from '../i18n';
import { useLoad, useServices } from '../services';
import { ErrorMessage, Loading } from '../ui/status';
import type { WorkingGroupDto } from '../../contract';
import { workingGroupsApi } from '../workingGroups/api';
import { AppointForm } from '../workingGroups/AppointForm';
import { GroupCard, type GroupActions } from '../workingGroups/GroupCard';
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

  const actions: GroupActions = {
    resume: async (group) => {
      await groupsApi.resume(group.id);
      after(t('wg.resumed', { name: group.name }));
    },
    end: async (group, finalReport) => {
      await groupsApi.end(group.id, finalReport);
      after(t('wg.endedMessage', { name: group.name }));
    },
    addMember: async (group, person) => {
      await groupsApi.addMember(group.id, person.id);
      after(t('wg.memberAdded', { name: person.displayName, group: group.name }));
    },
    removeMember: async (group, personId, name) => {
      await groupsApi.removeMember(group.id, personId);
      after(t('wg.memberRemoved', { name, group: group.name }));
    },
    difference: (group) => groupsApi.difference(group.id),
    accept: async (group, userId, name) => {
      await groupsApi.accept(group.id, userId);
      after(t('wg.memberAdded', { name, group: group.name }));
    },
    undo: async (group, userId, name) => {
      const difference = await groupsApi.undo(group.id, userId);
      setAnnouncement(t('wg.memberRemoved', { name, group: group.name }));
      return difference;
    },
  };

  const section = (title: string, groups: WorkingGroupDto[], empty: string) => (
    <section className={styles.section} aria-label={title}>
      <h2 className={styles.sectionHeading}>{title}</h2>
      {groups.length === 0 ? (
        <p>{empty}</p>
      ) : (
        groups.map((group) => (
          <GroupCard
            key={group.id}
            group={group}
            people={data.status === 'ready' ? data.data.people : []}
            canManage={canManage}
            actions={actions}
          />
        ))
      )}
    </section>
  );

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
          {section(
            t('wg.active'),
            data.data.groups.filter((g) => g.status === 'aktiv'),
            t('wg.noActive'),
          )}
          {section(
            t('wg.ended'),
            data.data.groups.filter((g) => g.status === 'avslutad'),
            t('wg.noEnded'),
          )}
        </>
      )}
    </>
  );
}
