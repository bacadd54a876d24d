import type { ReactNode } from 'react';
import {
  ACTIVITY_STATUSES,
  SAMVERKANSOMRADEN,
  TARGET_GROUPS,
  type ActivityStatus,
  type Samverkansomrade,
  type TargetGroup,
} from '../../contract';
import { useI18n } from '../i18n';
import { ChoiceField } from '../ui/ChoiceField';
import { ViewTabs } from '../ui/ViewTabs';
import { useFormStyles } from '../ui/styles';

export interface ActivityFilter {
  year: number;
  area: Samverkansomrade | '';
  targetGroup: TargetGroup | '';
  status: ActivityStatus | '';
}

export const ACTIVITY_VIEWS = ['tabell', 'kalendarium', 'arshjul', 'uppfoljning', 'verksamhetsplan'] as const;
export type ActivityView = (typeof ACTIVITY_VIEWS)[number];

/** Year (the one before and after too), and for the views of activities samverkansområde, target group and status. */
export function ActivityFilters({
  filter,
  onChange,
  yearOnly = false,
  children,
}: {
  filter: ActivityFilter;
  onChange(filter: ActivityFilter): void;
  /** The funders' figures and the verksamhetsplan are per year: the other filters do not apply. */
  yearOnly?: boolean;
  /** At the toolbar's end, e.g. the button that proposes an activity. */
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const styles = useFormStyles();
  const { year } = filter;
  return (
    <div className={styles.toolbar}>
      <ChoiceField
        label={t('act.year')}
        value={String(year)}
        choices={[year - 1, year, year + 1].map((y) => ({ value: String(y), label: String(y) }))}
        onChange={(value) => onChange({ ...filter, year: Number(value) })}
      />
      {!yearOnly && <OtherFilters filter={filter} onChange={onChange} />}
      {children}
    </div>
  );
}

function OtherFilters({ filter, onChange }: { filter: ActivityFilter; onChange(filter: ActivityFilter): void }) {
  const { t } = useI18n();
  return (
    <>
      <ChoiceField
        label={t('act.filter.area')}
        value={filter.area}
        allLabel={t('act.filter.all')}
        choices={SAMVERKANSOMRADEN.map((a) => ({ value: a, label: t(`act.area.${a}`) }))}
        onChange={(area) => onChange({ ...filter, area })}
      />
      <ChoiceField
        label={t('act.filter.targetGroup')}
        value={filter.targetGroup}
        allLabel={t('act.filter.all')}
        choices={TARGET_GROUPS.map((g) => ({ value: g, label: t(`act.tg.${g}`) }))}
        onChange={(targetGroup) => onChange({ ...filter, targetGroup })}
      />
      <ChoiceField
        label={t('act.filter.status')}
        value={filter.status}
        allLabel={t('act.filter.all')}
        choices={ACTIVITY_STATUSES.map((st) => ({ value: st, label: t(`act.status.${st}`) }))}
        onChange={(status) => onChange({ ...filter, status })}
      />
    </>
  );
}

/** The page's views as tabs; the choice is kept in the address (`#/aktiviteter/kalendarium`). */
export function ActivityTabs({
  views,
  view,
  onView,
}: {
  views: readonly ActivityView[];
  view: ActivityView;
  onView(view: ActivityView): void;
}) {
  const { t } = useI18n();
  return (
    <ViewTabs
      idPrefix="act"
      label={t('act.views')}
      views={views}
      view={view}
      labelOf={(v) => t(`act.view.${v}`)}
      onView={onView}
    />
  );
}
