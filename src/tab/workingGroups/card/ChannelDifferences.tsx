import { Button } from '@fluentui/react-components';
import { useI18n } from '../../i18n';
import type { ChannelDifferenceDto, WorkingGroupDto } from '../../../contract';
import type { GroupActions } from './types';
import type { Guarded } from './useGroupCard';

/** The channel's members against the group's: accept or undo each extra one, see why one is missing. */
export function ChannelDifferences({
  group,
  difference,
  actions,
  guarded,
  onDifference,
}: {
  group: WorkingGroupDto;
  difference: ChannelDifferenceDto;
  actions: GroupActions;
  guarded: Guarded;
  onDifference(difference: ChannelDifferenceDto): void;
}) {
  const { t } = useI18n();
  return (
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
                  onDifference(await actions.difference(group));
                })
              }
            >
              {t('wg.accept', { name: e.displayName })}
            </Button>{' '}
            <Button
              size="small"
              onClick={() => guarded(async () => onDifference(await actions.undo(group, e.userId, e.displayName)))}
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
  );
}
