import type { Contact } from '../api';
import type { WorkingGroupDto } from '../../contract';
import { useI18n } from '../i18n';
import { ShowAllButton, useShowAll } from '../ui/ShowAll';
import { usePageStyles } from '../ui/styles';
import { GroupCard, type GroupActions } from './GroupCard';

/** How many groups a view shows before "Visa alla N arbetsgrupper". */
export const GROUPS_SHOWN = 8;

/** One heading of groups (active or ended), each as its card, or the empty text. */
export function GroupSection(props: {
  title: string;
  groups: readonly WorkingGroupDto[];
  empty: string;
  people: Contact[];
  canManage: boolean;
  actions: GroupActions;
}) {
  const styles = usePageStyles();
  const { t } = useI18n();
  const shown = useShowAll(props.groups, GROUPS_SHOWN);
  return (
    <section className={styles.section} aria-label={props.title}>
      <h2 className={styles.sectionHeading}>{props.title}</h2>
      {props.groups.length === 0 ? (
        <p>{props.empty}</p>
      ) : (
        shown.visible.map((group) => (
          <GroupCard
            key={group.id}
            group={group}
            people={props.people}
            canManage={props.canManage}
            actions={props.actions}
          />
        ))
      )}
      <ShowAllButton
        state={shown}
        showAllLabel={t('wg.showAllGroups', { count: props.groups.length })}
        showFewerLabel={t('wg.showFewer')}
      />
    </section>
  );
}
