import { useI18n } from '../i18n';
import type { workingGroupsApi } from './api';
import type { GroupActions } from './GroupCard';

/** The group card's actions: each calls the API, then announces what happened and (mostly) reloads the page. */
export function useGroupActions(
  groupsApi: ReturnType<typeof workingGroupsApi>,
  after: (message: string) => void,
  announce: (message: string) => void,
): GroupActions {
  const { t } = useI18n();
  return {
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
      announce(t('wg.memberRemoved', { name, group: group.name }));
      return difference;
    },
  };
}
