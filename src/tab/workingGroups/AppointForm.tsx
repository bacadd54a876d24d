import { Button } from '@fluentui/react-components';
import { useId } from 'react';
import type { Contact } from '../api';
import { useI18n } from '../i18n';
import type { AppointInput } from '../../contract';
import { MandateFields, MemberFields, PeriodFields } from './appoint/AppointFields';
import { useAppointStyles } from './appoint/styles';
import { useAppointForm } from './appoint/useAppointForm';

/** The coordinator's form for appointing a group: mandate, members from the register, convener, period, channel type. */
export function AppointForm({
  people,
  onSubmit,
  onCancel,
}: {
  people: Contact[];
  onSubmit(request: AppointInput): Promise<void>;
  onCancel(): void;
}) {
  const styles = useAppointStyles();
  const { t } = useI18n();
  const headingId = useId();
  const form = useAppointForm(onSubmit);
  const { busy, failure } = form;

  return (
    <form className={styles.form} aria-labelledby={headingId} onSubmit={form.submit} noValidate>
      <h2 id={headingId} className={styles.heading}>
        {t('wg.appointTitle')}
      </h2>
      <MandateFields form={form} />
      <MemberFields form={form} people={people} />
      <PeriodFields form={form} />
      <div role="status" aria-live="polite">
        {busy ? t('wg.working') : ''}
      </div>
      {failure && (
        <p role="alert" lang="sv">
          {failure}
        </p>
      )}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={busy}>
          {t('wg.submit')}
        </Button>
        <Button type="button" onClick={onCancel} disabled={busy}>
          {t('wg.cancel')}
        </Button>
      </div>
    </form>
  );
}
