import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Select,
  Textarea,
} from '@fluentui/react-components';
import { useState } from 'react';
import { z } from 'zod';
import {
  ASSIGNMENT_REPORT_MAX,
  assignmentListSchema,
  assignmentViewSchema,
  type AssignmentView,
} from '../../contract/assignments';
import { ASSIGNMENT_STATUSES, type AssignmentStatus } from '../../domain/assignmentLists';
import { formatDay } from '../format';
import { useI18n } from '../i18n';
import { useLoad, useServices } from '../services';
import { ActionStatus } from '../ui/ActionStatus';
import { ErrorMessage, Loading } from '../ui/status';
import { usePageStyles } from '../ui/styles';
import { useAction } from '../ui/useAction';

const oneSchema = z.object({ assignment: assignmentViewSchema });

/** Today's date in Stockholm (YYYY-MM-DD): an uppdrag is overdue after its due day there. */
function stockholmToday(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
}

/** "Mina uppdrag" on Översikt (#17): the signed-in person's uppdrag, each with a small form for status and report. */
export function MyAssignments({ today = stockholmToday() }: { today?: string }) {
  const { t, language } = useI18n();
  const page = usePageStyles();
  const mine = useLoad(async (api) => (await api.request('/api/assignments?mine=1', assignmentListSchema)).assignments);
  const [editing, setEditing] = useState<AssignmentView | undefined>();
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
            )}{' '}
            <Button size="small" onClick={() => setEditing(a)}>
              {t('asg.update')}
            </Button>
          </li>
        ))}
      </ul>
      {editing && (
        <UpdateDialog
          assignment={editing}
          onClose={(saved) => {
            setEditing(undefined);
            if (saved) mine.reload();
          }}
        />
      )}
    </>
  );
}

function UpdateDialog({ assignment, onClose }: { assignment: AssignmentView; onClose(saved: boolean): void }) {
  const { t } = useI18n();
  const { api } = useServices();
  const [current, setCurrent] = useState(assignment);
  const [status, setStatus] = useState<AssignmentStatus>(assignment.status);
  const [report, setReport] = useState(assignment.report ?? '');
  const [conflict, setConflict] = useState<string | undefined>();
  const action = useAction();
  const save = async () => {
    setConflict(undefined);
    const saved = await action.run(async () => {
      try {
        await api.request(`/api/assignments/${encodeURIComponent(current.id)}`, oneSchema, {
          method: 'PATCH',
          body: { status, ...(report.trim() !== '' ? { report } : {}) },
          headers: { 'if-match': current.etag },
        });
        return t('asg.saved');
      } catch (error) {
        const newer = assignmentViewSchema.safeParse((error as { current?: unknown }).current);
        if (newer.success) {
          setCurrent(newer.data);
          setConflict(t('asg.conflict', { status: t(`asg.status.${newer.data.status}`) }));
        }
        throw error;
      }
    });
    if (saved) onClose(true);
  };
  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose(false)}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('asg.updateTitle', { description: assignment.description })}</DialogTitle>
          <DialogContent>
            {conflict && <p role="alert">{conflict}</p>}
            <Field label={t('asg.col.status')}>
              <Select value={status} onChange={(_, data) => setStatus(data.value as AssignmentStatus)}>
                {ASSIGNMENT_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`asg.status.${s}`)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t('asg.report')}>
              <Textarea
                value={report}
                maxLength={ASSIGNMENT_REPORT_MAX}
                onChange={(_, data) => setReport(data.value)}
              />
            </Field>
            <ActionStatus state={action.state} />
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={action.busy} onClick={() => void save()}>
              {t('asg.save')}
            </Button>
            <Button onClick={() => onClose(false)}>{t('asg.cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
