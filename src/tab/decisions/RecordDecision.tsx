import { Button } from '@fluentui/react-components';
import { useRef, useState, type FormEvent } from 'react';
import type { MeetingSummaryDto } from '../../contract';
import { DecisionFields, type DecisionValues } from './DecisionFields';
import { decisionsApi } from './api';
import { heldMeetings, PER_CAPSULAM } from './heldMeetings';
import { ActionStatus } from '../ui/ActionStatus';
import { ChoiceField } from '../ui/ChoiceField';
import { useFormStyles, usePageStyles } from '../ui/styles';
import { useAction } from '../ui/useAction';
import { useI18n } from '../i18n';
import { useServices } from '../services';
import { DateField } from '../ui/DateField';

/** The samordnare records a stand-alone decision of samverkansgruppen (one not made through an activity or plan). */
export function RecordDecision({ meetings, onRecorded }: { meetings: MeetingSummaryDto[]; onRecorded(): void }) {
  const { t } = useI18n();
  const page = usePageStyles();
  const styles = useFormStyles();
  const { api } = useServices();
  const action = useAction();
  const form = useRef<HTMLFormElement>(null);
  const [meetingId, setMeetingId] = useState('');
  const [values, setValues] = useState<DecisionValues>({
    kind: 'utvardering',
    title: '',
    text: '',
    owner: '',
    due: '',
  });
  const { kind, title, text, owner, due } = values;
  const [decidedOn, setDecidedOn] = useState('');
  // Only meetings that have started can have decided anything: a meeting still ahead is never preselected.
  const held = heldMeetings(meetings, Date.now());
  const chosenMeeting = meetingId || held[held.length - 1]?.id || PER_CAPSULAM;
  const perCapsulam = chosenMeeting === PER_CAPSULAM;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await action.run(async () => {
      const decision = await decisionsApi(api).record({
        meetingId: chosenMeeting,
        kind,
        text: text.trim(),
        ...(title.trim() ? { title: title.trim() } : {}),
        ...(owner.trim() ? { ownerEmail: owner.trim() } : {}),
        ...(due ? { followUpDue: due } : {}),
        ...(perCapsulam && decidedOn ? { decidedOn } : {}),
      });
      return t('dec.recorded', { title: decision.title });
    });
    if (ok) {
      setValues((current) => ({ ...current, title: '', text: '', owner: '', due: '' }));
      onRecorded();
      // Ready for the next decision of the same meeting.
      form.current?.querySelector<HTMLElement>('select, input, textarea')?.focus();
    }
  };
  return (
    <section className={page.section} aria-labelledby="dec-record">
      <h2 id="dec-record" className={page.sectionHeading}>
        {t('dec.record')}
      </h2>
      {held.length === 0 && <p>{t('dec.record.noMeetings')}</p>}
      {
        <form ref={form} className={styles.form} onSubmit={(event) => void submit(event)} noValidate>
          <ChoiceField
            label={t('dec.record.meeting')}
            required
            value={chosenMeeting}
            choices={[
              ...held.map((m) => ({ value: m.id, label: m.title })),
              { value: PER_CAPSULAM, label: t('dec.record.perCapsulam') },
            ]}
            onChange={setMeetingId}
          />
          {perCapsulam && (
            <DateField label={t('dec.record.decidedOn')} required value={decidedOn} onChange={setDecidedOn} />
          )}
          <DecisionFields
            values={values}
            onChange={(key, value) => setValues((current) => ({ ...current, [key]: value }))}
          />
          <Button type="submit" appearance="primary" disabled={action.state.status === 'busy'}>
            {t('dec.record.submit')}
          </Button>
        </form>
      }
      <ActionStatus state={action.state} />
    </section>
  );
}
