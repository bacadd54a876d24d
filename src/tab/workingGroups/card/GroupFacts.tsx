import { Button, Link } from '@fluentui/react-components';
import { useI18n } from '../../i18n';
import type { WorkingGroupDto } from '../../../contract';
import { ShowAllButton, useShowAll } from '../../ui/ShowAll';
import { useGroupCardStyles } from './styles';

/** How many members a card lists before "Visa alla N medlemmar". */
export const MEMBERS_SHOWN = 8;

/** Syfte, uppdrag, period, channel, slutrapport and members of one group. */
export function GroupFacts({
  group,
  mayRemove,
  onRemove,
}: {
  group: WorkingGroupDto;
  mayRemove: boolean;
  onRemove(personId: string, name: string): void;
}) {
  const styles = useGroupCardStyles();
  const { t } = useI18n();
  return (
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
        {group.period.end ? `${group.period.start} – ${group.period.end}` : t('wg.from', { start: group.period.start })}
      </dd>
      <dt className={styles.term}>{t('wg.channel')}</dt>
      <dd className={styles.detail}>
        <ChannelName group={group} />
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
        <Members group={group} mayRemove={mayRemove} onRemove={onRemove} />
      </dd>
    </dl>
  );
}

function ChannelName({ group }: { group: WorkingGroupDto }) {
  const { t } = useI18n();
  if (!group.channel) return <>{t('wg.noChannel')}</>;
  if (!group.channel.webUrl) return <>{group.channel.name}</>;
  return (
    <Link href={group.channel.webUrl} target="_blank" rel="noreferrer">
      {t('wg.openChannel')}: {group.channel.name}
    </Link>
  );
}

function Members({
  group,
  mayRemove,
  onRemove,
}: {
  group: WorkingGroupDto;
  mayRemove: boolean;
  onRemove(personId: string, name: string): void;
}) {
  const styles = useGroupCardStyles();
  const { t } = useI18n();
  const reasons = new Map(group.notInChannel.map((n) => [n.personId, n.reason]));
  const shown = useShowAll(group.members, MEMBERS_SHOWN);
  return (
    <>
      <ul className={styles.members}>
        {shown.visible.map((m) => (
          <li key={m.id}>
            {m.displayName}, {m.organisationName}
            {m.convener ? ` (${t('wg.conv')})` : ''}
            {reasons.has(m.id) && <div lang="sv">{t('wg.notInChannel', { reason: reasons.get(m.id)! })}</div>}
            {mayRemove && !m.convener && (
              <Button size="small" appearance="subtle" onClick={() => onRemove(m.id, m.displayName)}>
                {t('wg.remove', { name: m.displayName })}
              </Button>
            )}
          </li>
        ))}
      </ul>
      <ShowAllButton
        state={shown}
        showAllLabel={t('wg.showAllMembers', { count: group.members.length })}
        showFewerLabel={t('wg.showFewer')}
      />
    </>
  );
}
