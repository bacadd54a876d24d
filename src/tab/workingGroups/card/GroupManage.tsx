import { Button, Field, Select, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { Contact } from '../../api';
import { useI18n } from '../../i18n';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
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
      {!ending && <Button onClick={onStartEnding}>{t('wg.end')}</Button>}
    </div>
  );
}

/**
 * The slutrapport that ends the group. With a report written, ending is asked again in a dialog that says what
 * happens to the channel; "Låt gruppen arbeta vidare" is the focused safe choice.
 */
export function EndForm({
  name,
  report,
  problem,
  onReport,
  onConfirm,
  onCancel,
}: {
  name: string;
  report: string;
  problem: string | undefined;
  onReport(value: string): void;
  onConfirm(): void;
  onCancel(): void;
}) {
  const styles = useGroupCardStyles();
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
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
      {/* Without a report the click shows what is missing; with one, it asks first. */}
      <Button appearance="primary" onClick={() => (report.trim() ? setAsking(true) : onConfirm())}>
        {t('wg.confirmEnd')}
      </Button>
      <Button onClick={onCancel}>{t('wg.cancel')}</Button>
      <ConfirmDialog
        open={asking}
        title={t('wg.end.confirmTitle', { name })}
        consequence={t('wg.end.consequence', { name })}
        confirmLabel={t('wg.end.confirm')}
        cancelLabel={t('wg.end.keep')}
        destructive
        onConfirm={() => {
          setAsking(false);
          onConfirm();
        }}
        onCancel={() => setAsking(false)}
      />
    </div>
  );
}
