import { Checkbox, Field, Input, Select, Textarea } from '@fluentui/react-components';
import { meetingGroupName } from '../../format';
import { useI18n } from '../../i18n';
import { usePlanStyles } from './styles';
import type { Group, PlanForm } from './usePlanMeeting';
import { DateField } from '../../ui/DateField';

/** Which group, when (year, season, window, length), where, and why outside the window. */
export function PlanFields({ form, groups }: { form: PlanForm; groups: Group[] }) {
  const { t } = useI18n();
  const styles = usePlanStyles();
  return (
    <>
      <div className={styles.row}>
        <Field label={t('meetings.group')}>
          <Select value={form.group} onChange={(_, data) => form.setGroup(data.value as Group)}>
            {groups.map((g) => (
              <option key={g} value={g}>
                {meetingGroupName(g, 'sv')}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('meetings.year')}>
          <Input
            type="number"
            value={form.year}
            min={2000}
            max={2199}
            onChange={(_, data) => form.setYear(data.value)}
          />
        </Field>
        {form.group === 'samverkansgrupp' && (
          <Field label={t('meetings.season')}>
            <Select value={form.season} onChange={(_, data) => form.setSeason(data.value as 'var' | 'host')}>
              <option value="var">{t('meetings.season.var')}</option>
              <option value="host">{t('meetings.season.host')}</option>
            </Select>
          </Field>
        )}
        <Field label={t('meetings.length')}>
          <Input
            type="number"
            value={form.duration}
            min={30}
            max={480}
            step={15}
            onChange={(_, data) => form.setDuration(data.value)}
          />
        </Field>
      </div>
      <div className={styles.row}>
        <DateField label={t('meetings.from')} value={form.from} onChange={form.setFrom} />
        <DateField label={t('meetings.to')} value={form.to} onChange={form.setTo} />
      </div>
      <div className={styles.row}>
        <Field label={t('meetings.room')}>
          <Input value={form.room} onChange={(_, data) => form.setRoom(data.value)} />
        </Field>
        <Checkbox
          checked={form.online}
          label={t('meetings.online')}
          onChange={(_, data) => form.setOnline(data.checked === true)}
        />
      </div>
      <Field label={t('meetings.reason')}>
        <Textarea value={form.reason} onChange={(_, data) => form.setReason(data.value)} />
      </Field>
    </>
  );
}
