import { Button, Field, Input, Select, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { MeetingDecisionDto } from '../../../contract';
import { DECISION_KINDS, DECISION_KIND_LABELS, type DecisionKind } from '../../../domain/decisions';
import { useI18n } from '../../i18n';
import { ActionStatus } from '../../ui/ActionStatus';
import { usePageStyles } from '../../ui/styles';
import { useAction, type Action } from '../../ui/useAction';
import type { MeetingsApi } from '../api';
import { useProtocolStyles } from './styles';
import { DateField } from '../../ui/DateField';

/** Beslut: the meeting's decisions, and a form for one more while the protocol is open. */
export function DecisionsSection({
  api,
  meetingId,
  decisions,
  editable,
  onSaved,
}: {
  api: MeetingsApi;
  meetingId: string;
  decisions: MeetingDecisionDto[];
  editable: boolean;
  onSaved(): void;
}) {
  const { t, language } = useI18n();
  const page = usePageStyles();
  const deciding = useAction();
  return (
    <section aria-labelledby="meeting-decisions" className={page.section}>
      <h3 id="meeting-decisions" className={page.sectionHeading}>
        {t('meetings.decisionsHeading')}
      </h3>
      {decisions.length === 0 ? (
        <p>{t('meetings.noDecisions')}</p>
      ) : (
        <ol className={page.list}>
          {decisions.map((decision) => (
            <li key={decision.id}>
              <strong>
                {DECISION_KIND_LABELS[decision.kind as keyof typeof DECISION_KIND_LABELS]?.[language] ?? decision.kind}
              </strong>
              : {decision.text}
              {decision.followUpDue ? ` (${decision.followUpDue})` : ''}
            </li>
          ))}
        </ol>
      )}
      {editable && <DecisionForm api={api} meetingId={meetingId} deciding={deciding} onSaved={onSaved} />}
      <ActionStatus state={deciding.state} />
    </section>
  );
}

function DecisionForm({
  api,
  meetingId,
  deciding,
  onSaved,
}: {
  api: MeetingsApi;
  meetingId: string;
  deciding: Action;
  onSaved(): void;
}) {
  const { t, language } = useI18n();
  const styles = useProtocolStyles();
  const [kind, setKind] = useState<DecisionKind>(DECISION_KINDS[0]);
  const [text, setText] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  return (
    <div className={styles.form}>
      <Field label={t('meetings.decisionKind')}>
        <Select
          value={kind}
          onChange={(_, change) => setKind(DECISION_KINDS.find((value) => value === change.value) ?? kind)}
        >
          {DECISION_KINDS.map((value) => (
            <option key={value} value={value}>
              {DECISION_KIND_LABELS[value][language]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('meetings.decisionText')} required>
        <Textarea value={text} onChange={(_, change) => setText(change.value)} />
      </Field>
      <div className={styles.row}>
        <Field label={t('meetings.decisionOwner')}>
          <Input type="email" value={owner} onChange={(_, change) => setOwner(change.value)} />
        </Field>
        <DateField label={t('meetings.decisionFollowUp')} value={due} onChange={setDue} />
      </div>
      <div>
        <Button
          disabled={deciding.busy || text.trim() === ''}
          onClick={async () => {
            const saved = await deciding.run(
              () =>
                api.recordDecision(meetingId, {
                  kind,
                  text: text.trim(),
                  ...(owner.trim() ? { ownerEmail: owner.trim() } : {}),
                  ...(due ? { followUpDue: due } : {}),
                }),
              () => t('meetings.decisionSaved'),
            );
            if (saved) {
              setText('');
              onSaved();
            }
          }}
        >
          {t('meetings.addDecision')}
        </Button>
      </div>
    </div>
  );
}
