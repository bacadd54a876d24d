import { Field, Input } from '@fluentui/react-components';
import { useState } from 'react';
import { GENDERS, type Gender } from '../../domain/funders';
import type { ActivityDto } from '../../contract';
import type { OrganisationDto } from '../api';
import { ActionStatus } from '../ui/ActionStatus';
import { FormDialog } from '../ui/FormDialog';
import { useAction } from '../ui/useAction';
import { useI18n } from '../i18n';
import { useServices } from '../services';
import { fundersApi } from './fundersApi';

const number = (text: string | undefined) => (text && text.trim() !== '' ? Number(text) : 0);
const sum = (values: Record<string, string>) => Object.values(values).reduce((total, v) => total + number(v), 0);

/** The counts being entered, prefilled with what was reported before. */
function useCounts(activity: ActivityDto) {
  const before = activity.participants;
  const [byOrganisation, setByOrganisation] = useState<Record<string, string>>(
    Object.fromEntries(Object.entries(before?.byOrganisation ?? {}).map(([org, n]) => [org, String(n)])),
  );
  const [byGender, setByGender] = useState<Record<Gender, string>>({
    kvinnor: before ? String(before.byGender.kvinnor) : '',
    man: before ? String(before.byGender.man) : '',
    annat: before ? String(before.byGender.annat) : '',
  });
  const request = () => ({
    byOrganisation: Object.fromEntries(
      Object.entries(byOrganisation)
        .filter(([, value]) => value.trim() !== '')
        .map(([org, value]) => [org, Number(value)]),
    ),
    byGender: Object.fromEntries(GENDERS.map((g) => [g, number(byGender[g])])) as Record<Gender, number>,
  });
  return { byOrganisation, setByOrganisation, byGender, setByGender, request };
}

/**
 * The samordnare's participant counts after the event (#17): per organisation, and the same people by gender;
 * counts only. The sums are shown as they are typed; the server refuses sums that differ.
 */
export function ParticipantsDialog({
  activity,
  organisations,
  onDone,
  onCancel,
}: {
  activity: ActivityDto;
  organisations: OrganisationDto[];
  onDone(message: string): void;
  /** Avbryt, or a refusal the samordnare gives up on; the page reloads (a 409 means someone else saved). */
  onCancel(): void;
}) {
  const { t } = useI18n();
  const { api } = useServices();
  const action = useAction();
  const counts = useCounts(activity);
  const submit = async () => {
    const message = t('fund.report.saved', { title: activity.title });
    const ok = await action.run(async () => {
      await fundersApi(api).reportParticipants(activity, counts.request());
      return message;
    });
    if (ok) onDone(message);
  };
  return (
    <FormDialog
      open
      title={t('fund.report.title', { title: activity.title })}
      submitLabel={t('fund.report.submit')}
      cancelLabel={t('fund.report.cancel')}
      busy={action.state.status === 'busy'}
      onSubmit={() => void submit()}
      onCancel={onCancel}
      footer={
        <>
          <p aria-live="polite">
            {t('fund.report.sums', { organisations: sum(counts.byOrganisation), genders: sum(counts.byGender) })}
          </p>
          {action.state.status !== 'done' && <ActionStatus state={action.state} />}
        </>
      }
    >
      <fieldset>
        <legend>{t('fund.report.byOrganisation')}</legend>
        {organisations.map((o) => (
          <Field key={o.id} label={o.name} orientation="horizontal">
            <Input
              type="number"
              min={0}
              inputMode="numeric"
              value={counts.byOrganisation[o.id] ?? ''}
              onChange={(_, d) => counts.setByOrganisation((now) => ({ ...now, [o.id]: d.value }))}
            />
          </Field>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('fund.report.byGender')}</legend>
        {GENDERS.map((g) => (
          <Field key={g} label={t(`fund.col.${g}`)} orientation="horizontal">
            <Input
              type="number"
              min={0}
              inputMode="numeric"
              value={counts.byGender[g]}
              onChange={(_, d) => counts.setByGender((now) => ({ ...now, [g]: d.value }))}
            />
          </Field>
        ))}
      </fieldset>
    </FormDialog>
  );
}

/** The dialog for the activity being reported on, and the last save's message on the page once it has closed. */
export function ReportParticipants({
  activity,
  organisations,
  onClose,
}: {
  activity: ActivityDto | undefined;
  organisations: OrganisationDto[];
  onClose(): void;
}) {
  const [notice, setNotice] = useState('');
  return (
    <>
      <p role="status">{notice}</p>
      {activity && (
        <ParticipantsDialog
          key={activity.id}
          activity={activity}
          organisations={organisations}
          onDone={(message) => {
            setNotice(message);
            onClose();
          }}
          onCancel={onClose}
        />
      )}
    </>
  );
}
