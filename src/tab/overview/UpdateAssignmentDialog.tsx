import {
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
import { useRef, useState } from 'react';
import { z } from 'zod';
import { ASSIGNMENT_REPORT_MAX, assignmentViewSchema, type AssignmentView } from '../../contract/assignments';
import { ASSIGNMENT_STATUSES, type AssignmentStatus } from '../../domain/assignmentLists';
import { useI18n } from '../i18n';
import { useServices } from '../services';
import { ActionStatus } from '../ui/ActionStatus';
import { restorePageForAssistiveTechnology } from '../ui/ConfirmDialog';
import { useAction } from '../ui/useAction';

const oneSchema = z.object({ assignment: assignmentViewSchema });

/**
 * Closed first, reported to the parent (which unmounts it) once the closing motion has ended: a modal unmounted
 * while open can leave the page aria-hidden.
 */
function useClosing(onClose: (saved: boolean) => void) {
  const [open, setOpen] = useState(true);
  const savedOnClose = useRef(false);
  const close = (saved: boolean) => {
    savedOnClose.current = saved;
    setOpen(false);
  };
  const closed = () => {
    window.setTimeout(restorePageForAssistiveTechnology, 300);
    onClose(savedOnClose.current);
  };
  return { open, close, closed };
}

/**
 * The dialog in which a person updates the status and report of an uppdrag ("Mina uppdrag" on Översikt).
 * A file of its own, loaded when first opened: Fluent's Dialog, its motion and Textarea stay out of the first load.
 */
export function UpdateAssignmentDialog({
  assignment,
  onClose,
}: {
  assignment: AssignmentView;
  onClose(saved: boolean): void;
}) {
  const { t } = useI18n();
  const { api } = useServices();
  const [current, setCurrent] = useState(assignment);
  const [status, setStatus] = useState<AssignmentStatus>(assignment.status);
  const [report, setReport] = useState(assignment.report ?? '');
  const [conflict, setConflict] = useState<string | undefined>();
  const action = useAction();
  const { open, close, closed } = useClosing(onClose);
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
    if (saved) close(true);
  };
  return (
    <Dialog
      open={open}
      onOpenChange={(_, data) => !data.open && close(false)}
      surfaceMotion={{ onMotionFinish: (_, { direction }) => direction === 'exit' && closed() }}
    >
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
            <Button onClick={() => close(false)}>{t('asg.cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
