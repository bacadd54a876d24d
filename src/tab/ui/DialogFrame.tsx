import {
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';

/** Unhides the app's root (the body child holding the page's main) when no dialog is open any more. */
export function restorePageForAssistiveTechnology(): void {
  if (document.querySelector('[role="dialog"], [role="alertdialog"]')) return;
  for (const element of document.querySelectorAll('body > [aria-hidden="true"]')) {
    if (element.querySelector('main')) element.removeAttribute('aria-hidden');
  }
}

export interface DialogFrameProps {
  open: boolean;
  /** 'alert' for a question before a destructive action, 'modal' for a form. */
  modalType: 'modal' | 'alert';
  title: string;
  /** The content under the title. */
  children: ReactNode;
  contentClassName?: string;
  /** A long content may scroll: its region then takes the keyboard's focus. */
  scrollable?: boolean;
  /** The buttons, the safe choice first. */
  actions: ReactNode;
  /** Around the body, e.g. the form the dialog's fields and buttons belong to. */
  wrap?(body: ReactNode): ReactNode;
  /** Escape or a click outside (where the type allows it). */
  onDismiss(): void;
  /** Once the dialog has closed and its closing motion ended. */
  onExited(): void;
}

/**
 * The frame the kit's dialogs share: a Fluent Dialog with title, content and actions, whose close is reported once
 * its motion has ended. Fluent's modalizer (tabster) sometimes leaves aria-hidden on the page after a dialog closes
 * (fluentui#35139, tabster#530): once tabster's own 250 ms update has had its turn and no dialog is open, the page
 * is shown to assistive technology again.
 */
export function DialogFrame({
  open,
  modalType,
  title,
  children,
  contentClassName,
  scrollable = false,
  actions,
  wrap = (body) => body,
  onDismiss,
  onExited,
}: DialogFrameProps) {
  const exited = () => {
    window.setTimeout(restorePageForAssistiveTechnology, 300);
    onExited();
  };
  return (
    <Dialog
      open={open}
      modalType={modalType}
      onOpenChange={(_, data) => !data.open && onDismiss()}
      surfaceMotion={{ onMotionFinish: (_, { direction }) => direction === 'exit' && exited() }}
    >
      <DialogSurface>
        {wrap(
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={contentClassName} tabIndex={scrollable ? 0 : undefined}>
              {children}
            </DialogContent>
            <DialogActions>{actions}</DialogActions>
          </DialogBody>,
        )}
      </DialogSurface>
    </Dialog>
  );
}
