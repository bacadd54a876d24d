import { Badge, Button, Field, Link, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { ApiError, type Contact } from '../api';
import { useI18n } from '../i18n';
import type { ChannelDifferenceDto, WorkingGroupDto } from '../../contract';

const useStyles = makeStyles({
  card: {
    padding: tokens.spacingHorizontalL,
    marginBottom: tokens.spacingVerticalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  name: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    margin: `${tokens.spacingVerticalM} 0`,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0, whiteSpace: 'pre-wrap' },
  members: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
    marginTop: tokens.spacingVerticalM,
  },
});

export interface GroupActions {
  resume(group: WorkingGroupDto): Promise<void>;
  end(group: WorkingGroupDto, finalReport: string): Promise<void>;
  addMember(group: WorkingGroupDto, person: Contact): Promise<void>;
  removeMember(group: WorkingGroupDto, personId: string, name: string): Promise<void>;
  difference(group: WorkingGroupDto): Promise<ChannelDifferenceDto>;
  accept(group: WorkingGroupDto, userId: string, name: string): Promise<void>;
  undo(group: WorkingGroupDto, userId: string, name: string): Promise<ChannelDifferenceDto>;
}

/** One arbetsgrupp: mandate, members, channel; the coordinator's actions when `canManage`. */
export function GroupCard({
  group,
  people,
  canManage,
  actions,
}: {
  group: WorkingGroupDto;
  people: Contact[];
  canManage: boolean;
  actions: GroupActions;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const headingId = useId();
  const [ending, setEnding] = useState(false);
  const [report, setReport] = useState('');
  const [reportProblem, setReportProblem] = useState<string>();
  const [candidate, setCandidate] = useState('');
  const [difference, setDifference] = useState<ChannelDifferenceDto>();
  const [failure, setFailure] = useState<string>();
  const active = group.status === 'aktiv';
  const reasons = new Map(group.notInChannel.map((n) => [n.personId, n.reason]));
  const candidates = people.filter((p) => !group.members.some((m) => m.id === p.id));

  const guarded = async (run: () => Promise<void>) => {
    setFailure(undefined);
    try {
      await run();
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : t('unexpectedError'));
    }
  };

  const end = () =>
    guarded(async () => {
      if (!report.trim()) {
        setReportProblem('Skriv en kort slutrapport.');
        return;
      }
      await actions.end(group, report.trim());
    });

  return (
    <article className={styles.card} aria-labelledby={headingId}>
      <div className={styles.header}>
        <h3 id={headingId} className={styles.name}>
          {group.name}
        </h3>
        <Badge appearance="tint" color={active ? 'success' : 'informative'}>
          {t(`wg.status.${group.status}`)}
        </Badge>
      </div>
      <dl className={styles.facts}>
        <dt className={styles.term}>{t('wg.syfte')}</dt>
        <dd className={styles.detail}>{group.syfte}</dd>
        <dt className={styles.term}>{t('wg.uppdrag')}</dt>
        <dd className={styles.detail}>{group.uppdrag}</dd>
        {group.malsattning && (
          <>
            <dt className={styles.term}>{t('wg.malsattning')}</dt>
            <dd className={styles.detail}>{group.malsattning}</dd>
          </>
        )}
        <dt className={styles.term}>{t('wg.period')}</dt>
        <dd className={styles.detail}>
          {group.period.end
            ? `${group.period.start} – ${group.period.end}`
            : t('wg.from', { start: group.period.start })}
        </dd>
        <dt className={styles.term}>{t('wg.channel')}</dt>
        <dd className={styles.detail}>
          {group.channel ? (
            group.channel.webUrl ? (
              <Link href={group.channel.webUrl} target="_blank" rel="noreferrer">
                {t('wg.openChannel')}: {group.channel.name}
              </Link>
            ) : (
              group.channel.name
            )
          ) : (
            t('wg.noChannel')
          )}
          {' · '}
          {t(`wg.type.${group.membershipType}`)}
        </dd>
        {group.finalReport && (
          <>
            <dt className={styles.term}>{t('wg.finalReportLabel')}</dt>
            <dd className={styles.detail}>{group.finalReport}</dd>
          </>
        )}
        <dt className={styles.term}>{t('wg.members')}</dt>
        <dd className={styles.detail}>
          <ul className={styles.members}>
            {group.members.map((m) => (
              <li key={m.id}>
                {m.displayName}, {m.organisationName}
                {m.convener ? ` (${t('wg.conv')})` : ''}
                {reasons.has(m.id) && <div lang="sv">{t('wg.notInChannel', { reason: reasons.get(m.id)! })}</div>}
                {canManage && active && !m.convener && (
                  <Button
                    size="small"
                    appearance="subtle"
                    onClick={() => guarded(() => actions.removeMember(group, m.id, m.displayName))}
                  >
                    {t('wg.remove', { name: m.displayName })}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </dd>
      </dl>

      {canManage && active && group.setupStep !== 'klar' && (
        <p>
          {t('wg.setupPending')} <Button onClick={() => guarded(() => actions.resume(group))}>{t('wg.resume')}</Button>
        </p>
      )}

      {canManage && active && (
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
          <Button onClick={() => guarded(async () => setDifference(await actions.difference(group)))}>
            {t('wg.checkChannel')}
          </Button>
          {!ending && (
            <Button appearance="primary" onClick={() => setEnding(true)}>
              {t('wg.end')}
            </Button>
          )}
        </div>
      )}

      {difference && (
        <section aria-label={t('wg.differences')}>
          <h4>{t('wg.differences')}</h4>
          {difference.note && <p lang="sv">{difference.note}</p>}
          {!difference.note && difference.extra.length === 0 && difference.missing.length === 0 && (
            <p>{t('wg.noDifferences')}</p>
          )}
          <ul>
            {difference.extra.map((e) => (
              <li key={e.userId}>
                {t('wg.extra', { name: e.displayName })}{' '}
                <Button
                  size="small"
                  onClick={() =>
                    guarded(async () => {
                      await actions.accept(group, e.userId, e.displayName);
                      setDifference(await actions.difference(group));
                    })
                  }
                >
                  {t('wg.accept', { name: e.displayName })}
                </Button>{' '}
                <Button
                  size="small"
                  onClick={() => guarded(async () => setDifference(await actions.undo(group, e.userId, e.displayName)))}
                >
                  {t('wg.undo', { name: e.displayName })}
                </Button>
              </li>
            ))}
            {difference.missing.map((m) => (
              <li key={m.personId}>
                {t('wg.missing', { name: m.displayName })}
                {m.reason && <span lang="sv"> {m.reason}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}

      {canManage && active && ending && (
        <div className={styles.actions}>
          <Field
            label={t('wg.finalReport')}
            hint={t('wg.finalReportHint')}
            required
            validationMessage={reportProblem}
            style={{ flexGrow: 1 }}
          >
            <Textarea value={report} onChange={(_, d) => setReport(d.value)} resize="vertical" />
          </Field>
          <Button appearance="primary" onClick={end}>
            {t('wg.confirmEnd')}
          </Button>
          <Button onClick={() => setEnding(false)}>{t('wg.cancel')}</Button>
        </div>
      )}
      {failure && (
        <p role="alert" lang="sv">
          {failure}
        </p>
      )}
    </article>
  );
}
