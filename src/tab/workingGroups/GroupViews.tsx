import type { Contact } from '../api';
import type { WorkingGroupDto } from '../../contract';
import { useI18n } from '../i18n';
import { ViewPanel, ViewTabs } from '../ui/ViewTabs';
import type { GroupActions } from './GroupCard';
import { GroupSection } from './GroupSection';

export const GROUP_VIEWS = ['aktiva', 'avslutade'] as const;
export type GroupView = (typeof GROUP_VIEWS)[number];

/** The active or the ended groups, one view at a time, each tab counting its groups. */
export function GroupViews({
  groups,
  view,
  onView,
  ...sectionProps
}: {
  groups: readonly WorkingGroupDto[];
  view: GroupView;
  onView(view: GroupView): void;
  people: Contact[];
  canManage: boolean;
  actions: GroupActions;
}) {
  const { t } = useI18n();
  const active = groups.filter((g) => g.status === 'aktiv');
  const ended = groups.filter((g) => g.status === 'avslutad');
  return (
    <>
      <ViewTabs
        idPrefix="wg"
        label={t('wg.views')}
        views={GROUP_VIEWS}
        view={view}
        labelOf={(v) =>
          v === 'aktiva' ? t('wg.view.active', { count: active.length }) : t('wg.view.ended', { count: ended.length })
        }
        onView={onView}
      />
      <ViewPanel idPrefix="wg" view={view}>
        {view === 'aktiva' ? (
          <GroupSection title={t('wg.active')} groups={active} empty={t('wg.noActive')} {...sectionProps} />
        ) : (
          <GroupSection title={t('wg.ended')} groups={ended} empty={t('wg.noEnded')} {...sectionProps} />
        )}
      </ViewPanel>
    </>
  );
}
