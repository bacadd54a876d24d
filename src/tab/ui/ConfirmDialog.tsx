import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, type ReactNode } from 'react';

const useStyles = makeStyles({
  destructive: {
    backgroundColor: tokens.colorStatusDangerBackground3,
    color: tokens.colorNeutralForegroundOnBrand,
    ':hover': {
      backgroundColor: tokens.colorStatusDangerBackground3Hover,
      color: tokens.colorNeutralForegroundOnBrand,
    },
    ':hover:active': {
      backgroundColor: tokens.colorStatusDangerBackground3Pressed,
      color: tokens.colorNeutralForegroundOnBrand,
    },
  },
});

export interface ConfirmDialogProps {
  open: boolean;
  /** A question naming the action, e.g. "Ställa in mötet?" */
  title: string;
  /** What will happen, in plain words: who is told, what cannot be undone. */
  consequence: ReactNode;
  confirmLabel: string;
  /** The safe choice; it has the focus when the dialog opens. */
  cancelLabel: string;
  /** Marks the confirm button as dangerous (red) rather than as the main action. */
  destructive?: boolean;
  busy?: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/**
 * Asks before an action that cannot easily be undone. It says what will happen; the safe choice has the focus, so
 * Enter or Escape right away changes nothing.
 */
export function ConfirmDialog({
  open,
  title,
  consequence,
  confirmLabel,
  cancelLabel,
  destructive = false,
  busy = false,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const styles = useStyles();
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    // Fluent's dialog focuses its first focusable element once open (where jsdom has no layout, the surface);
    // this runs after it, so the safe choice has the focus wherever it sits.
    const timer = setTimeout(() => cancelRef.current?.focus());
    return () => clearTimeout(timer);
  }, [open]);
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, data) => !data.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>{consequence}</DialogContent>
          <DialogActions>
            <Button ref={cancelRef} appearance="secondary" onClick={onCancel}>
              {cancelLabel}
            </Button>
            <Button
              appearance="primary"
              className={destructive ? styles.destructive : undefined}
              disabled={busy}
              onClick={onConfirm}
            >
              {confirmLabel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
