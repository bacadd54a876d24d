import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
} from '@fluentui/react-components';
import { useEffect } from 'react';
import type { Contact } from '../api';
import { useI18n } from '../i18n';
import { ContactFields, EditFailure } from './edit/EditParts';
import { useEditContactStyles } from './edit/styles';
import { useEditContact } from './edit/useEditContact';

export { patchFor, validateContactForm, type ContactForm } from './edit/form';

/** Longer than tabster's own 250 ms deferred update of aria-hidden. */
const RESTORE_AFTER_CLOSE_MS = 300;

interface EditContactProps {
  onClose(): void;
  onSaved(name: string): void;
}

/**
 * The coordinator's edit dialog. It stays mounted and is opened and closed through `open`: unmounting a
 * modal Fluent dialog outright can leave the rest of the page hidden from assistive technology.
 */
export function EditContactDialog({
  contact,
  open,
  returnFocusTo,
  onClose,
  onSaved,
}: EditContactProps & { contact?: Contact; open: boolean; returnFocusTo?: HTMLElement | null }) {
  useEffect(() => {
    if (open) return;
    // Fluent's modal (tabster's modalizer) can leave aria-hidden on the app root after it closes
    // (microsoft/fluentui#35139, microsoft/tabster#530): the page would stay invisible to screen readers.
    const timer = window.setTimeout(() => {
      document.getElementById('root')?.removeAttribute('aria-hidden');
      if (returnFocusTo?.isConnected) returnFocusTo.focus();
    }, RESTORE_AFTER_CLOSE_MS);
    return () => window.clearTimeout(timer);
  }, [open, returnFocusTo]);
  return (
    <Dialog open={open && contact !== undefined} onOpenChange={(_, data) => !data.open && onClose()} modalType="modal">
      <DialogSurface aria-describedby={undefined}>
        {contact && (
          <EditContactForm
            key={`${contact.id}:${contact.etag}`}
            contact={contact}
            onClose={onClose}
            onSaved={onSaved}
          />
        )}
      </DialogSurface>
    </Dialog>
  );
}

function EditContactForm({ contact, onClose, onSaved }: EditContactProps & { contact: Contact }) {
  const { t } = useI18n();
  const styles = useEditContactStyles();
  const edit = useEditContact(contact, onClose, onSaved);
  const { base, saving, conflict, notice } = edit;

  return (
    <form onSubmit={edit.submit} noValidate>
      <DialogBody>
        <DialogTitle>{t('contacts.editPerson', { name: base.displayName })}</DialogTitle>
        <DialogContent className={styles.form}>
          <div aria-live="polite">
            {notice && (
              <MessageBar intent="success">
                <MessageBarBody>{notice}</MessageBarBody>
              </MessageBar>
            )}
          </div>
          <EditFailure failure={edit.failure} conflict={conflict} onLoadNewer={edit.loadNewer} />
          <ContactFields edit={edit} />
        </DialogContent>
        <DialogActions>
          <Button appearance="primary" type="submit" disabled={saving || conflict !== undefined}>
            {saving ? t('contacts.saving') : t('contacts.save')}
          </Button>
          <Button onClick={onClose}>{t('contacts.cancel')}</Button>
        </DialogActions>
      </DialogBody>
    </form>
  );
}
