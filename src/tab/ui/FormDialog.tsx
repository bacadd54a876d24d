import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState, type ReactNode, type Ref } from 'react';
import { DialogFrame } from './DialogFrame';

const useStyles = makeStyles({
  fields: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalS,
  },
});

export interface FormDialogProps {
  open: boolean;
  /** Names the dialog and its form, e.g. "Bokför utfall". */
  title: string;
  submitLabel: string;
  /** The safe choice: closes without saving (as Escape does). */
  cancelLabel: string;
  busy?: boolean;
  /** The fields, stacked. */
  children: ReactNode;
  /** Under the fields: the action's status (an error keeps the dialog open), a conflict's choices. */
  footer?: ReactNode;
  /** The form was submitted (its default prevented); the caller closes the dialog when the save succeeded. */
  onSubmit(): void;
  /** Avbryt or Escape. */
  onCancel(): void;
  /** Runs once the dialog has closed and its closing motion ended (e.g. to put the focus back on a row). */
  onClosed?(): void;
  /** The form element, e.g. to put the focus back on the first field when the dialog stays open for the next. */
  formRef?: Ref<HTMLFormElement>;
}

/**
 * A create or edit form in a modal dialog: the title names it, the fields are stacked, Avbryt (the safe choice)
 * stands first and the save button submits the form (Enter in a field as well). The first field has the focus when it
 * opens. Mounted only while open or closing: a closed Fluent Dialog left mounted trips axe's aria-hidden-focus.
 */
export function FormDialog({
  open,
  title,
  submitLabel,
  cancelLabel,
  busy = false,
  children,
  footer,
  onSubmit,
  onCancel,
  onClosed,
  formRef,
}: FormDialogProps) {
  const styles = useStyles();
  const [mounted, setMounted] = useState(open);
  useEffect(() => {
    if (open) setMounted(true);
  }, [open]);
  if (!open && !mounted) return null;
  const closed = () => {
    setMounted(false);
    onClosed?.();
  };
  return (
    <DialogFrame
      open={open}
      modalType="modal"
      title={title}
      contentClassName={styles.fields}
      onDismiss={onCancel}
      onExited={closed}
      wrap={(body) => (
        <form
          ref={formRef}
          aria-label={title}
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (!busy) onSubmit();
          }}
        >
          {body}
        </form>
      )}
      actions={
        <>
          <Button appearance="secondary" onClick={onCancel}>
            {cancelLabel}
          </Button>
          <Button type="submit" appearance="primary" disabled={busy}>
            {submitLabel}
          </Button>
        </>
      }
    >
      {children}
      {footer}
    </DialogFrame>
  );
}
