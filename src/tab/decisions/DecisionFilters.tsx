import { DECISION_KINDS as KINDS, FOLLOW_UP_STATUSES as FOLLOW_UPS, type MeetingSummaryDto } from '../../contract';
import { useI18n } from '../i18n';
import { ChoiceField } from '../ui/ChoiceField';
import { useFormStyles } from '../ui/styles';

export interface DecisionFilter {
  meetingId: string;
  kind: string;
  followUp: string;
}

/** Filters by samverkansgrupp meeting, kind and follow-up. */
export function DecisionFilters({
  filter,
  onChange,
  meetings,
}: {
  filter: DecisionFilter;
  onChange(filter: DecisionFilter): void;
  meetings: MeetingSummaryDto[];
}) {
  const { t } = useI18n();
  const styles = useFormStyles();
  return (
    <div className={styles.toolbar}>
      <ChoiceField
        label={t('dec.filter.meeting')}
        value={filter.meetingId}
        allLabel={t('dec.filter.all')}
        choices={meetings.filter((m) => m.group === 'samverkansgrupp').map((m) => ({ value: m.id, label: m.title }))}
        onChange={(meetingId) => onChange({ ...filter, meetingId })}
      />
      <ChoiceField
        label={t('dec.filter.kind')}
        value={filter.kind}
        allLabel={t('dec.filter.all')}
        choices={KINDS.map((k) => ({ value: k, label: t(`dec.kind.${k}`) }))}
        onChange={(kind) => onChange({ ...filter, kind })}
      />
      <ChoiceField
        label={t('dec.filter.followUp')}
        value={filter.followUp}
        allLabel={t('dec.filter.all')}
        choices={[
          { value: 'open', label: t('dec.filter.open') },
          ...FOLLOW_UPS.map((f) => ({ value: f, label: t(`dec.fu.${f}`) })),
        ]}
        onChange={(followUp) => onChange({ ...filter, followUp })}
      />
    </div>
  );
}
