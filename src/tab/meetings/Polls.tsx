import { Button, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { meetingGroupName } from '../format';
import { useI18n } from '../i18n';
import { ActionStatus } from '../ui/ActionStatus';
import { usePageStyles } from '../ui/styles';
import { useAction } from '../ui/useAction';
import { VOTE_VALUES, type PollViewDto, type VoteValue } from '../../contract';
import type { MeetingsApi } from './api';

const useStyles = makeStyles({
  poll: {
    padding: tokens.spacingVerticalM,
    marginBottom: tokens.spacingVerticalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  choices: { display: 'grid', gap: tokens.spacingVerticalS, maxWidth: '40rem' },
});

interface PollSummary {
  id: string;
  group: string;
  year: number;
  status: 'oppen' | 'stangd';
  deadline: string;
}

function OpenPoll({ api, poll: initial }: { api: MeetingsApi; poll: PollViewDto }) {
  const { t } = useI18n();
  const page = usePageStyles();
  const styles = useStyles();
  const [poll, setPoll] = useState(initial);
  const [choices, setChoices] = useState<Record<string, VoteValue>>(
    () => (initial.myChoices ?? {}) as Record<string, VoteValue>,
  );
  const voting = useAction();
  return (
    <div>
      <div className={styles.choices}>
        {poll.candidates.map((candidate) => {
          const row = poll.tally.find((item) => item.candidate.id === candidate.id);
          return (
            <Field
              key={candidate.id}
              label={candidate.label}
              hint={
                row
                  ? t('meetings.tally', {
                      ja: row.ja,
                      maybe: row.omDetBehovs,
                      nej: row.nej,
                      covered: row.kommunerCovered,
                      total: row.kommunerTotal,
                    })
                  : undefined
              }
            >
              <Select
                value={choices[candidate.id] ?? ''}
                disabled={poll.status !== 'oppen'}
                onChange={(_, data) => setChoices((value) => ({ ...value, [candidate.id]: data.value as VoteValue }))}
              >
                <option value="">{t('meetings.choose')}</option>
                {VOTE_VALUES.map((choice) => (
                  <option key={choice} value={choice}>
                    {t(`meetings.vote.${choice}`)}
                  </option>
                ))}
              </Select>
            </Field>
          );
        })}
      </div>
      {poll.best && <p className={page.sectionHeading}>{t('meetings.best', { label: poll.best.candidate.label })}</p>}
      {poll.status === 'oppen' && (
        <Button
          appearance="primary"
          disabled={voting.busy || Object.keys(choices).length === 0}
          onClick={async () => {
            const updated = await voting.run(
              () => api.vote(poll.id, choices),
              () => t('meetings.voted'),
            );
            if (updated) setPoll(updated);
          }}
        >
          {t('meetings.vote')}
        </Button>
      )}
      <ActionStatus state={voting.state} />
    </div>
  );
}

/** The date polls: every member votes per candidate; the tally counts kommuner covered. */
export function Polls({ api, polls }: { api: MeetingsApi; polls: PollSummary[] }) {
  const { t, language } = useI18n();
  const page = usePageStyles();
  const styles = useStyles();
  const [opened, setOpened] = useState<Record<string, PollViewDto>>({});
  const loading = useAction();
  return (
    <section aria-labelledby="meetings-polls" className={page.section}>
      <h2 id="meetings-polls" className={page.sectionHeading}>
        {t('meetings.pollsHeading')}
      </h2>
      {polls.length === 0 && <p>{t('meetings.noPolls')}</p>}
      {polls.map((summary) => {
        const poll = opened[summary.id];
        return (
          <div key={summary.id} className={styles.poll}>
            <h3 className={page.sectionHeading}>
              {t('meetings.pollTitle', {
                group: meetingGroupName(summary.group, language),
                year: summary.year,
                deadline: summary.deadline.slice(0, 10),
              })}
            </h3>
            {poll ? (
              <OpenPoll api={api} poll={poll} />
            ) : (
              <Button
                disabled={loading.busy}
                onClick={async () => {
                  const loaded = await loading.run(
                    () => api.poll(summary.id),
                    () => '',
                  );
                  if (loaded) setOpened((value) => ({ ...value, [summary.id]: loaded }));
                }}
              >
                {t('meetings.open')}
              </Button>
            )}
          </div>
        );
      })}
      {loading.state.status === 'error' && <ActionStatus state={loading.state} />}
    </section>
  );
}
