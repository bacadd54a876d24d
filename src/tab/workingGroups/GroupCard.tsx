import { Badge, Button } from '@fluentui/react-components';
import { useId } from 'react';
import type { Contact } from '../api';
import { useI18n } from '../i18n';
import type { WorkingGroupDto } from '../../contract';
import { ChannelDifferences } from './card/ChannelDifferences';
import { EndForm, ManageBar } from './card/GroupManage';
import { GroupFacts } from './card/GroupFacts';
import { useGroupCardStyles } from './card/styles';
import type { GroupActions } from './card/types';
import { useGroupCard } from './card/useGroupCard';

export type { GroupActions } from './card/types';

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
  const styles = useGroupCardStyles();
  const { t } = useI18n();
  const headingId = useId();
  const card = useGroupCard(group, actions);
  const { guarded } = card;
  const manage = canManage && group.status === 'aktiv';

  return (
    <article className={styles.card} aria-labelledby={headingId}>
      <div className={styles.header}>
        <h3 id={headingId} className={styles.name}>
          {group.name}
        </h3>
        <Badge appearance="tint" color={group.status === 'aktiv' ? 'success' : 'informative'}>
          {t(`wg.status.${group.status}`)}
        </Badge>
      </div>
      <GroupFacts
        group={group}
        mayRemove={manage}
        onRemove={(personId, name) => guarded(() => actions.removeMember(group, personId, name))}
      />

      {manage && group.setupStep !== 'klar' && (
        <p>
          {t('wg.setupPending')} <Button onClick={() => guarded(() => actions.resume(group))}>{t('wg.resume')}</Button>
        </p>
      )}

      {manage && (
        <ManageBar
          group={group}
          people={people}
          actions={actions}
          guarded={guarded}
          ending={card.ending}
          onCheckChannel={() => guarded(async () => card.setDifference(await actions.difference(group)))}
          onStartEnding={() => card.setEnding(true)}
        />
      )}

      {card.difference && (
        <ChannelDifferences
          group={group}
          difference={card.difference}
          actions={actions}
          guarded={guarded}
          onDifference={card.setDifference}
        />
      )}

      {manage && card.ending && (
        <EndForm
          name={group.name}
          report={card.report}
          problem={card.reportProblem}
          onReport={card.setReport}
          onConfirm={card.end}
          onCancel={() => card.setEnding(false)}
        />
      )}
      {card.failure && (
        <p role="alert" lang="sv">
          {card.failure}
        </p>
      )}
    </article>
  );
}
