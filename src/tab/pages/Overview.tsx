import type { Me } from '../api';
import { useI18n, type MessageKey } from '../i18n';
import type { PageId } from '../routes';
import { PageHeading } from '../ui/PageHeading';
import { GapsSection, MeetingsSection, useOverviewStyles, WorkSection, YouSection } from '../overview/OverviewSections';
/** Which work each allowed action points to, and where it is done. */
const WORK_BY_ACTION: Record<string, { label: MessageKey; page: PageId }> = {
  'samverkansgrupp.kalla': { label: 'work.kallaSamverkansgrupp', page: 'moten' },
  'stodgrupp.kalla': { label: 'work.kallaStodgrupp', page: 'moten' },
  'meeting.attendance': { label: 'work.attendance', page: 'moten' },
  'decision.record': { label: 'work.decisions', page: 'beslut' },
  'protocol.approve': { label: 'work.approveProtocol', page: 'beslut' },
  'proposal.create': { label: 'work.proposal', page: 'beslut' },
  'activity.propose': { label: 'work.activities', page: 'aktiviteter' },
  'activity.decide': { label: 'work.activityDecide', page: 'aktiviteter' },
  'activity.evaluate': { label: 'work.activityDecide', page: 'aktiviteter' },
  'budget.edit': { label: 'work.budget', page: 'budget' },
  'outcome.book': { label: 'work.budget', page: 'budget' },
  'contacts.edit': { label: 'work.contacts', page: 'kontakter' },
  'workinggroup.appoint': { label: 'work.workingGroups', page: 'arbetsgrupper' },
  'workinggroup.end': { label: 'work.workingGroups', page: 'arbetsgrupper' },
  'workinggroup.members': { label: 'work.workingGroups', page: 'arbetsgrupper' },
};

export function workLinks(allowedActions: readonly string[]): { label: MessageKey; page: PageId }[] {
  const seen = new Set<MessageKey>();
  const links: { label: MessageKey; page: PageId }[] = [];
  for (const action of allowedActions) {
    const work = WORK_BY_ACTION[action];
    if (!work || seen.has(work.label)) continue;
    seen.add(work.label);
    links.push(work);
  }
  return links;
}

export function OverviewPage({ me }: { me: Me }) {
  const { t } = useI18n();
  const styles = useOverviewStyles();
  return (
    <>
      <PageHeading>{t('overview.title')}</PageHeading>
      <div className={styles.grid}>
        <YouSection person={me.person} />
        <WorkSection work={workLinks(me.allowedActions)} />
        <MeetingsSection />
        <GapsSection />
      </div>
    </>
  );
}
