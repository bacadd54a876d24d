import { lazy } from 'react';
import type { Me } from '../api';
import { OverviewPage } from '../pages/Overview';
import { PlaceholderPage } from '../pages/Placeholder';
import type { PageId } from '../routes';

// Only Översikt is in the initial bundle: every other page (Kontakter's table and exports, Möten's
// protocol and polls, Budget's chart, …) is loaded when first visited, with the pages' strings
// (./i18n/pages) and zod's Swedish messages (already set by the first request), while <Suspense> shows Loading.
function withPageMessages<T>(page: Promise<T>): Promise<T> {
  return Promise.all([import('../i18n/pages'), import('../../zodLocale'), page]).then(([, , module]) => module);
}
const ContactsPage = lazy(() =>
  withPageMessages(import('../pages/Contacts')).then((module) => ({ default: module.ContactsPage })),
);
const MeetingsPage = lazy(() =>
  withPageMessages(import('../pages/Meetings')).then((module) => ({ default: module.MeetingsPage })),
);
const ActivitiesPage = lazy(() =>
  withPageMessages(import('../pages/Activities')).then((module) => ({ default: module.ActivitiesPage })),
);
const BudgetPage = lazy(() =>
  withPageMessages(import('../pages/Budget')).then((module) => ({ default: module.BudgetPage })),
);
const DecisionsPage = lazy(() =>
  withPageMessages(import('../pages/Decisions')).then((module) => ({ default: module.DecisionsPage })),
);
const WorkingGroupsPage = lazy(() =>
  withPageMessages(import('../pages/WorkingGroups')).then((module) => ({ default: module.WorkingGroupsPage })),
);

/** The current page; each but Översikt loaded when first visited. */
export function Page({ page, me }: { page: PageId; me: Me }) {
  switch (page) {
    case 'oversikt':
      return <OverviewPage key={page} me={me} />;
    case 'kontakter':
      return <ContactsPage key={page} me={me} />;
    case 'moten':
      return <MeetingsPage key={page} me={me} />;
    case 'arbetsgrupper':
      return <WorkingGroupsPage key={page} me={me} />;
    case 'aktiviteter':
      return <ActivitiesPage key={page} me={me} />;
    case 'budget':
      return <BudgetPage key={page} me={me} />;
    case 'beslut':
      return <DecisionsPage key={page} me={me} />;
    default:
      return <PlaceholderPage key={page} page={page} />;
  }
}
