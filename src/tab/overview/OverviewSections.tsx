import { Badge, Link, makeStyles, tokens } from '@fluentui/react-components';
import type { Breach, Me } from '../api';
import { formatMeetingTime, meetingGroupName, roleName } from '../format';
import { useI18n, type MessageKey } from '../i18n';
import { pageHref, type PageId } from '../routes';
import { useLoad } from '../services';
import { ErrorMessage, Loading } from '../ui/status';
import { usePageStyles } from '../ui/styles';
import { TodoList } from './TodoList';
import { MyAssignments } from './MyAssignments';

export const useOverviewStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: `0 0 ${tokens.spacingVerticalM}`,
    '& dt': { fontWeight: tokens.fontWeightSemibold },
    '& dd': { margin: 0, overflowWrap: 'anywhere', minWidth: 0 },
  },
  roles: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, listStyleType: 'none', padding: 0 },
  grid: {
    display: 'grid',
    gap: tokens.spacingHorizontalXXL,
    gridTemplateColumns: 'repeat(auto-fit, minmax(18rem, 1fr))',
    '& > section': { minWidth: 0 },
  },
});

function breachOrder(breach: Breach): number {
  return breach.code === 'KOMMUN_WITHOUT_REPRESENTATIVE' ? 0 : 1;
}

/** Who I am: name, organisation, title, e-mail and my roles by their Swedish names. */
export function YouSection({ person }: { person: Me['person'] }) {
  const { t, language } = useI18n();
  const page = usePageStyles();
  const styles = useOverviewStyles();
  return (
    <section aria-labelledby="overview-you" className={page.section}>
      <h2 id="overview-you" className={page.sectionHeading}>
        {t('overview.you')}
      </h2>
      <dl className={styles.facts}>
        <dt>{t('contacts.name')}</dt>
        <dd>{person.displayName}</dd>
        <dt>{t('overview.organisation')}</dt>
        <dd>{person.organisationName}</dd>
        {person.title && (
          <>
            <dt>{t('overview.title.job')}</dt>
            <dd>{person.title}</dd>
          </>
        )}
        <dt>{t('overview.email')}</dt>
        <dd>{person.email}</dd>
      </dl>
      <h3 className={page.sectionHeading}>{t('overview.roles')}</h3>
      {person.roles.length === 0 ? (
        <p>{t('overview.noRoles')}</p>
      ) : (
        <ul className={styles.roles} aria-label={t('overview.roles')}>
          {person.roles.map((role) => (
            <li key={role}>
              <Badge appearance="tint" color="brand" size="large">
                {roleName(role, language)}
              </Badge>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** What is mine to do now, my uppdrag, and shortcuts to the work my roles allow. */
export function WorkSection({ work }: { work: readonly { label: MessageKey; page: PageId }[] }) {
  const { t } = useI18n();
  const page = usePageStyles();
  return (
    <section aria-labelledby="overview-work" className={page.section}>
      <h2 id="overview-work" className={page.sectionHeading}>
        {t('todo.title')}
      </h2>
      <TodoList />
      <h3 id="uppdrag" className={page.sectionHeading}>
        {t('asg.mine')}
      </h3>
      <MyAssignments />
      {work.length > 0 && (
        <>
          <h3 id="overview-shortcuts" className={page.sectionHeading}>
            {t('todo.shortcuts')}
          </h3>
          <ul className={page.list} aria-labelledby="overview-shortcuts">
            {work.map((item) => (
              <li key={item.label}>
                <Link href={pageHref(item.page)}>{t(item.label)}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The next five meetings. */
export function MeetingsSection() {
  const { t, language } = useI18n();
  const page = usePageStyles();
  const meetings = useLoad((api) => api.upcomingMeetings());
  return (
    <section aria-labelledby="overview-meetings" className={page.section}>
      <h2 id="overview-meetings" className={page.sectionHeading}>
        {t('overview.meetings')}
      </h2>
      {meetings.status === 'loading' && <Loading />}
      {meetings.status === 'error' && <ErrorMessage error={meetings.error} onRetry={meetings.reload} />}
      {meetings.status === 'ready' &&
        (meetings.data.length === 0 ? (
          <p>{t('overview.noMeetings')}</p>
        ) : (
          <ul className={page.list}>
            {meetings.data.slice(0, 5).map((meeting) => (
              <li key={meeting.id}>
                <strong>{meeting.title}</strong>
                {meeting.group ? ` – ${meetingGroupName(meeting.group, language)}` : ''}
                {meeting.start ? `, ${formatMeetingTime(meeting.start, language)}` : ''}
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}

/** Where the agreement's commitments are not met (a kommun without a representative first). */
export function GapsSection() {
  const { t } = useI18n();
  const page = usePageStyles();
  const breaches = useLoad((api) => api.commitments());
  return (
    <section aria-labelledby="overview-gaps" className={page.section}>
      <h2 id="overview-gaps" className={page.sectionHeading}>
        {t('overview.gaps')}
      </h2>
      {breaches.status === 'loading' && <Loading />}
      {breaches.status === 'error' && <ErrorMessage error={breaches.error} onRetry={breaches.reload} />}
      {breaches.status === 'ready' &&
        (breaches.data.length === 0 ? (
          <p>{t('overview.noGaps')}</p>
        ) : (
          <ul className={page.list}>
            {[...breaches.data]
              .sort((a, b) => breachOrder(a) - breachOrder(b))
              .map((breach, index) => (
                <li key={`${breach.code}-${breach.organisationId ?? ''}-${index}`} lang="sv">
                  {breach.message}
                </li>
              ))}
          </ul>
        ))}
    </section>
  );
}
