import type { OrganisationDto } from '../api';
import { useI18n } from '../i18n';
import { AddContactDialog, DeactivateContactDialog } from './ContactDialogs';
import { EditContactDialog } from './EditContactDialog';
import type { ContactDialogs } from './useContactDialogs';

/** The add, deactivate or edit dialog that is open (or closing); `onDone` announces what it did. */
export function OpenContactDialog({
  dialogs,
  canEdit,
  organisations,
  onDone: done,
}: {
  dialogs: ContactDialogs;
  canEdit: boolean;
  organisations: OrganisationDto[];
  onDone(message: string): void;
}) {
  const { t } = useI18n();
  return (
    <>
      {canEdit && dialogs.adding && (
        <AddContactDialog
          open={dialogs.adding === 'open'}
          organisations={organisations}
          onClose={dialogs.closeAdding}
          onSaved={(name) => {
            dialogs.closeAdding();
            done(t('contacts.added', { name }));
          }}
        />
      )}
      {dialogs.leaving && (
        <DeactivateContactDialog
          contact={dialogs.leaving.contact}
          open={dialogs.leaving.open}
          onClose={dialogs.closeLeaving}
          onDone={(name) => {
            dialogs.closeLeaving();
            done(t('contacts.deactivated', { name }));
          }}
        />
      )}
      {dialogs.editing && (
        <EditContactDialog
          contact={dialogs.editing}
          open={dialogs.editorOpen}
          returnFocusTo={dialogs.editButton.current}
          onClose={dialogs.closeEditor}
          onSaved={(name) => {
            dialogs.closeEditor();
            done(t('contacts.saved', { name }));
          }}
        />
      )}
    </>
  );
}
