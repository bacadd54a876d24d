import { Badge, Button } from '@fluentui/react-components';
import { Suspense, lazy, useState } from 'react';
import type { AssignmentView } from '../../contract/assignments';
// The answer's schema comes with zod on the first request (src/tab/apiSchemas.ts), not in the first load.
import { fromSchemas } from '../api';
import { formatDay } from '../format';
import { useI18n } from '../i18n';
import { useLoad } from '../services';
import { ErrorMessage, Loading } from '../ui/status';
import { usePageStyles } from '../ui/styles';

// Opened only after a click: its chunk (Dialog, motion, Textarea) is loaded then, not with Översikt.
const UpdateDialog = lazy(() =>
  import('./UpdateAssignmentDialog').then((module) => ({ default: module.UpdateAssignmentDialog })),
);

/** Today's date in Stockholm (YYYY-MM-DD): an uppdrag is overdue after its due day there. */
function stockholmToday(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
}

/** "Mina uppdrag" on Översikt (#17): the signed-in person's uppdrag, each with a small form for status and report. */
export function MyAssignments({ today = stockholmToday() }: { today?: string }) {
  const { t, language } = useI18n();
  const page = usePageStyles();
  const mine = useLoad(
    async (api) => (await api.request('/api/assignments?mine=1', fromSchemas('assignmentList'))).assignments,
  );
  const [editing, setEditing] = useState<AssignmentView | undefined>();
  // The dialog closes on save; the confirmation stays on the page, announced politely.
  const [announcement, setAnnouncement] = useState('');
  if (mine.status === 'loading') return <Loading />;
  if (mine.status === 'error') return <ErrorMessage error={mine.error} onRetry={mine.reload} />;
  if (mine.data.length === 0) return <p>{t('asg.none')}</p>;
  return (
    <>
      <ul className={page.list} aria-label={t('asg.mine')}>
        {mine.data.map((a) => (
          <li key={a.id}>
            <strong>{a.description}</strong> – {t('asg.col.due')} {formatDay(a.due, language)} –{' '}
            {t(`asg.status.${a.status}`)}
            {(a.status === 'ej_paborjat' || a.status === 'pagar') && a.due < today && (
              <>
                {' '}
                <Badge color="danger">{t('asg.overdue')}</Badge>
              </>
            )}
            {a.planner === 'inte_speglad' && (
              <>
                {' '}
                <Badge color="warning">{t('asg.notInPlanner')}</Badge>
              </>
            )}{' '}
            <Button size="small" onClick={() => setEditing(a)}>
              {t('asg.update')}
            </Button>
            {a.report && <p>{t('asg.reported', { report: a.report })}</p>}
          </li>
        ))}
      </ul>
      <p role="status" aria-live="polite">
        {announcement}
      </p>
      {editing && (
        <Suspense fallback={<Loading />}>
          <UpdateDialog
            assignment={editing}
            onClose={(saved) => {
              setEditing(undefined);
              if (!saved) return;
              setAnnouncement(t('asg.saved'));
              mine.reload();
            }}
          />
        </Suspense>
      )}
    </>
  );
}
