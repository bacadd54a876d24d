import type { Contact } from '../api';
import type { WorkingGroupDto } from '../../contract';
import { usePageStyles } from '../ui/styles';
import { GroupCard, type GroupActions } from './GroupCard';

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
  return (
    <section className={styles.section} aria-label={props.title}>
      <h2 className={styles.sectionHeading}>{props.title}</h2>
      {props.groups.length === 0 ? (
        <p>{props.empty}</p>
      ) : (
        props.groups.map((group) => (
          <GroupCard
            key={group.id}
            group={group}
            people={props.people}
            canManage={props.canManage}
            actions={props.actions}
          />
        ))
      )}
    </section>
  );
}
