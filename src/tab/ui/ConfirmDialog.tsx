import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, type ReactNode } from 'react';
import { DialogFrame } from './DialogFrame';

export { restorePageForAssistiveTechnology } from './DialogFrame';

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
  /** A long consequence (a preview) may scroll: its region then takes the keyboard's focus, to scroll it by keys. */
  scrollable?: boolean;
  /** Runs once the dialog has closed (see below). */
  onConfirm(): void;
  /** Closes the dialog: the safe choice, Escape, and the first half of a confirm. */
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
  scrollable = false,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const styles = useStyles();
  const cancelRef = useRef<HTMLButtonElement>(null);
  // A confirmed action often removes the part of the page the dialog belongs to (an ended group leaves the list).
  // Fluent hides the rest of the page from assistive technology while the dialog is open; unmounted before its
  // closing motion ends, it left the whole tab aria-hidden. So a confirm closes first and acts when closed.
  const confirmed = useRef(false);
  const afterClose = () => {
    if (!confirmed.current) return;
    confirmed.current = false;
    onConfirm();
  };
  useEffect(() => {
    if (!open) return;
    // Fluent's dialog focuses its first focusable element once open (where jsdom has no layout, the surface);
    // this runs after it, so the safe choice has the focus wherever it sits.
    const timer = setTimeout(() => cancelRef.current?.focus());
    return () => clearTimeout(timer);
  }, [open]);
  return (
    <DialogFrame
      open={open}
      modalType="alert"
      title={title}
      scrollable={scrollable}
      onDismiss={onCancel}
      onExited={afterClose}
      actions={
        <>
          <Button ref={cancelRef} appearance="secondary" onClick={onCancel}>
            {cancelLabel}
          </Button>
          <Button
            appearance="primary"
            className={destructive ? styles.destructive : undefined}
            disabled={busy}
            onClick={() => {
              confirmed.current = true;
              onCancel();
            }}
          >
            {confirmLabel}
          </Button>
        </>
      }
    >
      {consequence}
    </DialogFrame>
  );
}
