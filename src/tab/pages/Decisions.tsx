import {
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Me } from '../api';
import {
  DECISION_KINDS as KINDS,
  FOLLOW_UP_STATUSES as FOLLOW_UPS,
  type DecisionDto,
  type FollowUpStatus,
  formatParagraph,
  PER_CAPSULAM_MEETING_ID,
} from '../../contract';
import { activitiesApi } from '../activities/api';
import { decisionsApi, decisionsQuery } from '../decisions/api';
import { ActionStatus } from '../ui/ActionStatus';
import { ChoiceField } from '../ui/ChoiceField';
import { PageHeading } from '../ui/PageHeading';
import { useFormStyles, usePageStyles } from '../ui/styles';
import { useAction } from '../ui/useAction';
import { useReloadOn } from '../ui/useReloadOn';
import { RecordDecision } from '../decisions/RecordDecision';
import { useI18n, type MessageKey } from '../i18n';
import { useLoad, useServices } from '../services';
import { ErrorMessage, Loading } from '../ui/status';

type FollowUp = FollowUpStatus;

function kindKey(kind: string): MessageKey {
  return (KINDS as readonly string[]).includes(kind) ? (`dec.kind.${kind}` as MessageKey) : 'dec.filter.all';
}

export function DecisionsPage({ me }: { me: Me }) {
  const { t } = useI18n();
  const page = usePageStyles();
  const styles = useFormStyles();
  const { api } = useServices();
  const [meetingId, setMeetingId] = useState('');
  const [kind, setKind] = useState('');
  const [followUp, setFollowUp] = useState('');
  const query = decisionsQuery({ meetingId, kind, followUp });
  const decisions = useLoad((client) => decisionsApi(client).list({ meetingId, kind, followUp }));
  const meetings = useLoad((client) => activitiesApi(client).meetings());
  const proposals = useLoad((client) => decisionsApi(client).openProposals());
  useReloadOn(query, decisions.reload);
  const action = useAction();
  const canRecord = me.allowedActions.includes('decision.record');
  const meetingTitle = (id: string) =>
    id === PER_CAPSULAM_MEETING_ID
      ? t('dec.record.perCapsulam')
      : meetings.status === 'ready'
        ? (meetings.data.find((m) => m.id === id)?.title ?? id)
        : id;

  const changeFollowUp = async (decision: DecisionDto, next: FollowUp) => {
    await action.run(async () => {
      try {
        await decisionsApi(api).setFollowUp(decision, next);
      } finally {
        decisions.reload();
      }
      return t('dec.saved');
    });
  };

  return (
    <>
      <PageHeading>{t('dec.title')}</PageHeading>
      <p>{t('dec.intro')}</p>
      <div className={styles.toolbar}>
        <ChoiceField
          label={t('dec.filter.meeting')}
          value={meetingId}
          allLabel={t('dec.filter.all')}
          choices={
            meetings.status === 'ready'
              ? meetings.data.filter((m) => m.group === 'samverkansgrupp').map((m) => ({ value: m.id, label: m.title }))
              : []
          }
          onChange={setMeetingId}
        />
        <ChoiceField
          label={t('dec.filter.kind')}
          value={kind}
          allLabel={t('dec.filter.all')}
          choices={KINDS.map((k) => ({ value: k, label: t(`dec.kind.${k}`) }))}
          onChange={setKind}
        />
        <ChoiceField
          label={t('dec.filter.followUp')}
          value={followUp}
          allLabel={t('dec.filter.all')}
          choices={[
            { value: 'open', label: t('dec.filter.open') },
            ...FOLLOW_UPS.map((f) => ({ value: f, label: t(`dec.fu.${f}`) })),
          ]}
          onChange={setFollowUp}
        />
      </div>
      <section className={page.section} aria-live="polite">
        {decisions.status === 'loading' && <Loading />}
        {decisions.status === 'error' && <ErrorMessage error={decisions.error} onRetry={decisions.reload} />}
        {decisions.status === 'ready' && decisions.data.length === 0 && <p>{t('dec.none')}</p>}
        {decisions.status === 'ready' && decisions.data.length > 0 && (
          <div className={styles.tableWrap}>
            <Table aria-label={t('dec.title')} size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('dec.col.date')}</TableHeaderCell>
                  <TableHeaderCell>{t('dec.col.title')}</TableHeaderCell>
                  <TableHeaderCell>{t('dec.col.kind')}</TableHeaderCell>
                  <TableHeaderCell>{t('dec.col.meeting')}</TableHeaderCell>
                  <TableHeaderCell>{t('dec.col.due')}</TableHeaderCell>
                  <TableHeaderCell>{t('dec.col.followUp')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {decisions.data.map((d) => (
                  <TableRow key={d.id}>
                    <TableCell>{[formatParagraph(d.paragraph), d.decidedOn ?? ''].filter(Boolean).join(' ')}</TableCell>
                    <TableCell>
                      <strong>{d.title}</strong>
                      <br />
                      <span lang="sv">{d.text}</span>
                    </TableCell>
                    <TableCell>{t(kindKey(d.kind))}</TableCell>
                    <TableCell>{meetingTitle(d.meetingId)}</TableCell>
                    <TableCell>{d.followUpDue ?? ''}</TableCell>
                    <TableCell>
                      {canRecord ? (
                        <Select
                          aria-label={t('dec.setFollowUp', { title: d.title })}
                          value={d.followUp}
                          disabled={action.state.status === 'busy'}
                          onChange={(_, data) => void changeFollowUp(d, data.value as FollowUp)}
                        >
                          {FOLLOW_UPS.map((f) => (
                            <option key={f} value={f}>
                              {t(`dec.fu.${f}`)}
                            </option>
                          ))}
                        </Select>
                      ) : (
                        t(`dec.fu.${d.followUp}`)
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
        <ActionStatus state={action.state} />
      </section>
      {canRecord && meetings.status === 'ready' && (
        <RecordDecision
          meetings={meetings.data.filter((m) => m.group === 'samverkansgrupp')}
          onRecorded={() => {
            decisions.reload();
            proposals.reload();
          }}
        />
      )}
      <section className={page.section} aria-labelledby="dec-proposals">
        <h2 id="dec-proposals" className={page.sectionHeading}>
          {t('dec.proposals')}
        </h2>
        {proposals.status === 'loading' && <Loading />}
        {proposals.status === 'error' && <ErrorMessage error={proposals.error} onRetry={proposals.reload} />}
        {proposals.status === 'ready' &&
          (proposals.data.length === 0 ? (
            <p>{t('dec.noProposals')}</p>
          ) : (
            <ul className={page.list}>
              {proposals.data.map((p) => (
                <li key={p.subjectRef}>
                  {t(kindKey(p.kind))}: {p.title}
                </li>
              ))}
            </ul>
          ))}
      </section>
    </>
  );
}
