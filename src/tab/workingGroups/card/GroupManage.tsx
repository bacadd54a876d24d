import { Button, Field, Select, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { Contact } from '../../api';
import { useI18n } from '../../i18n';
import type { WorkingGroupDto } from '../../../contract';
import { useGroupCardStyles } from './styles';
import type { GroupActions } from './types';
import type { Guarded } from './useGroupCard';

/** The coordinator's bar: add a member, check the channel, start ending the group. */
export function ManageBar({
  group,
  people,
  actions,
  guarded,
  ending,
  onCheckChannel,
  onStartEnding,
}: {
  group: WorkingGroupDto;
  people: Contact[];
  actions: GroupActions;
  guarded: Guarded;
  ending: boolean;
  onCheckChannel(): void;
  onStartEnding(): void;
}) {
  const styles = useGroupCardStyles();
  const { t } = useI18n();
  const [candidate, setCandidate] = useState('');
  const candidates = people.filter((p) => !group.members.some((m) => m.id === p.id));
  return (
    <div className={styles.actions}>
      <Field label={t('wg.addMember')}>
        <Select value={candidate} onChange={(_, d) => setCandidate(d.value)}>
          <option value="">–</option>
          {candidates.map((p) => (
            <option key={p.id} value={p.id}>
              {p.displayName}, {p.organisationName ?? ''}
            </option>
          ))}
        </Select>
      </Field>
      <Button
        disabled={!candidate}
        onClick={() =>
          guarded(async () => {
            const person = people.find((p) => p.id === candidate);
            if (person) await actions.addMember(group, person);
            setCandidate('');
          })
        }
      >
        {t('wg.add')}
      </Button>
      <Button onClick={onCheckChannel}>{t('wg.checkChannel')}</Button>
      {!ending && (
        <Button appearance="primary" onClick={onStartEnding}>
          {t('wg.end')}
        </Button>
      )}
    </div>
  );
}

/** The slutrapport that ends the group, confirmed or cancelled. */
export function EndForm({
  report,
  problem,
  onReport,
  onConfirm,
  onCancel,
}: {
  report: string;
  problem: string | undefined;
  onReport(value: string): void;
  onConfirm(): void;
  onCancel(): void;
}) {
  const styles = useGroupCardStyles();
  const { t } = useI18n();
  return (
    <div className={styles.actions}>
      <Field
        label={t('wg.finalReport')}
        hint={t('wg.finalReportHint')}
        required
        validationMessage={problem}
        style={{ flexGrow: 1 }}
      >
        <Textarea value={report} onChange={(_, d) => onReport(d.value)} resize="vertical" />
      </Field>
      <Button appearance="primary" onClick={onConfirm}>
        {t('wg.confirmEnd')}
      </Button>
      <Button onClick={onCancel}>{t('wg.cancel')}</Button>
    </div>
  );
}
