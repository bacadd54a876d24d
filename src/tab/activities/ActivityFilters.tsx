import { ToggleButton } from '@fluentui/react-components';
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
import { useFormStyles } from '../ui/styles';

export interface ActivityFilter {
  year: number;
  area: Samverkansomrade | '';
  targetGroup: TargetGroup | '';
  status: ActivityStatus | '';
}

export type ActivityView = 'table' | 'kalendarium' | 'arshjul' | 'uppfoljning';

/** Year (the one before and after too), samverkansområde, target group and status. */
export function ActivityFilters({
  filter,
  onChange,
}: {
  filter: ActivityFilter;
  onChange(filter: ActivityFilter): void;
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
    </div>
  );
}

/** Toggle buttons rather than a TabList: the views are one region that changes, not tab panels. */
export function ViewToggle({ view, onChange }: { view: ActivityView; onChange(view: ActivityView): void }) {
  const { t } = useI18n();
  const styles = useFormStyles();
  return (
    <div role="group" aria-label={t('act.views')} className={styles.toolbar}>
      {(['table', 'kalendarium', 'arshjul', 'uppfoljning'] as const).map((value) => (
        <ToggleButton key={value} checked={view === value} onClick={() => onChange(value)}>
          {t(`act.view.${value}`)}
        </ToggleButton>
      ))}
    </div>
  );
}
