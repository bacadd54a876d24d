import { useRef, useState } from 'react';
import type { MeetingSummaryDto } from '../../contract';
import { DecisionFields, type DecisionValues } from './DecisionFields';
import { decisionsApi } from './api';
import { heldMeetings, PER_CAPSULAM } from './heldMeetings';
import { decisionBody, EMPTY_DECISION } from './recordBody';
import { useDecisionChoices } from './useDecisionChoices';
import { ActionStatus } from '../ui/ActionStatus';
import { ChoiceField } from '../ui/ChoiceField';
import { FormDialog } from '../ui/FormDialog';
import { useAction } from '../ui/useAction';
import { useI18n } from '../i18n';
import { useServices } from '../services';
import { DateField } from '../ui/DateField';

/** The meeting the decision was taken at: only held meetings, or per capsulam with its own date. */
function MeetingChoice({
  held,
  chosen,
  decidedOn,
  onMeeting,
  onDecidedOn,
}: {
  held: MeetingSummaryDto[];
  chosen: string;
  decidedOn: string;
  onMeeting(id: string): void;
  onDecidedOn(day: string): void;
}) {
  const { t } = useI18n();
  return (
    <>
      <ChoiceField
        label={t('dec.record.meeting')}
        required
        value={chosen}
        choices={[
          ...held.map((m) => ({ value: m.id, label: m.title })),
          { value: PER_CAPSULAM, label: t('dec.record.perCapsulam') },
        ]}
        onChange={onMeeting}
      />
      {chosen === PER_CAPSULAM && (
        <DateField label={t('dec.record.decidedOn')} required value={decidedOn} onChange={onDecidedOn} />
      )}
    </>
  );
}

/**
 * The samordnare records stand-alone decisions of samverkansgruppen (ones not made through an activity or plan) in a
 * dialog. A meeting decides several things: after each one the dialog stays open, says it is registered, clears the
 * decision's fields and keeps the meeting, with the focus back on the first field; Stäng closes it.
 */
export function RecordDecision({
  open,
  meetings,
  onRecorded,
  onClose,
}: {
  open: boolean;
  meetings: MeetingSummaryDto[];
  onRecorded(): void;
  onClose(): void;
}) {
  const { t } = useI18n();
  const { api } = useServices();
  const action = useAction();
  const choices = useDecisionChoices();
  const form = useRef<HTMLFormElement>(null);
  const [meetingId, setMeetingId] = useState('');
  const [values, setValues] = useState<DecisionValues>(EMPTY_DECISION);
  const [decidedOn, setDecidedOn] = useState('');
  // Only meetings that have started can have decided anything: a meeting still ahead is never preselected.
  const held = heldMeetings(meetings, Date.now());
  const chosenMeeting = meetingId || held[held.length - 1]?.id || PER_CAPSULAM;
  const submit = async () => {
    const perCapsulamDay = chosenMeeting === PER_CAPSULAM ? decidedOn : undefined;
    const ok = await action.run(async () => {
      const decision = await decisionsApi(api).record(decisionBody(values, chosenMeeting, perCapsulamDay));
      return t('dec.recorded', { title: decision.title });
    });
    if (!ok) return;
    setValues((current) => ({ ...EMPTY_DECISION, kind: current.kind }));
    onRecorded();
    // Ready for the next decision of the same meeting.
    form.current?.querySelector<HTMLElement>('select, input, textarea')?.focus();
  };
  const close = () => {
    action.reset();
    onClose();
  };
  return (
    <FormDialog
      open={open}
      title={t('dec.record')}
      submitLabel={t('dec.record.submit')}
      cancelLabel={t('dec.record.close')}
      busy={action.state.status === 'busy'}
      formRef={form}
      onSubmit={() => void submit()}
      onCancel={close}
      footer={<ActionStatus state={action.state} />}
    >
      {held.length === 0 && <p>{t('dec.record.noMeetings')}</p>}
      <MeetingChoice
        held={held}
        chosen={chosenMeeting}
        decidedOn={decidedOn}
        onMeeting={setMeetingId}
        onDecidedOn={setDecidedOn}
      />
      <DecisionFields
        values={values}
        choices={choices}
        onChange={(key, value) => setValues((current) => ({ ...current, [key]: value }))}
      />
    </FormDialog>
  );
}
