import type { Contact } from '../api';
import { useI18n } from '../i18n';
import type { AppointInput } from '../../contract';
import { FormDialog } from '../ui/FormDialog';
import { MandateFields, MemberFields, PeriodFields } from './appoint/AppointFields';
import { useAppointForm } from './appoint/useAppointForm';

/**
 * The coordinator's dialog for appointing a group: mandate, members from the register, convener, period, channel type.
 * It closes when the caller's `onSubmit` succeeds (the caller sets `open` false); a refusal stays in it, by the field.
 */
export function AppointForm({
  open,
  people,
  onSubmit,
  onCancel,
}: {
  open: boolean;
  people: Contact[];
  onSubmit(request: AppointInput): Promise<void>;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const form = useAppointForm(onSubmit);
  const { busy, failure } = form;

  return (
    <FormDialog
      open={open}
      title={t('wg.appointTitle')}
      submitLabel={t('wg.submit')}
      cancelLabel={t('wg.cancel')}
      busy={busy}
      onSubmit={() => void form.submit()}
      onCancel={() => !busy && onCancel()}
      footer={
        <>
          <div role="status" aria-live="polite">
            {busy ? t('wg.working') : ''}
          </div>
          {failure && (
            <p role="alert" lang="sv">
              {failure}
            </p>
          )}
        </>
      }
    >
      <MandateFields form={form} />
      <MemberFields form={form} people={people} />
      <PeriodFields form={form} />
    </FormDialog>
  );
}
