import { Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { MeetingDraftView } from '../../../contract';
import type { Contact } from '../../api';
import { useI18n } from '../../i18n';
import { ActionStatus } from '../../ui/ActionStatus';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { usePageStyles } from '../../ui/styles';
import type { MeetingDraftsApi } from './api';
import { AgendaItem } from './AgendaItem';
import { ItemDialog } from './ItemDialog';
import { useDraftEditor, type DraftEditorState, type EditorItem } from './useDraftEditor';

const useStyles = makeStyles({
  items: { listStyleType: 'none', margin: 0, padding: 0, maxWidth: '48rem' },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    margin: `${tokens.spacingVerticalM} 0`,
  },
  list: { margin: `${tokens.spacingVerticalXS} 0`, paddingLeft: tokens.spacingHorizontalXL },
});

/** The 409: the newer version's points, and the choice to take it or to keep one's own and save again. */
function Conflict({ editor }: { editor: DraftEditorState }) {
  const { t } = useI18n();
  const styles = useStyles();
  if (!editor.conflict) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t('drafts.conflictTitle')}</MessageBarTitle>
        <p>{t('drafts.conflictText')}</p>
        <ol className={styles.list}>
          {editor.conflict.items.map((item) => (
            <li key={item.id}>{item.title}</li>
          ))}
        </ol>
        <div className={styles.actions}>
          <Button onClick={editor.takeTheirs}>{t('drafts.takeTheirs')}</Button>
          <Button appearance="primary" onClick={() => void editor.keepMineAndSave()}>
            {t('drafts.keepMine')}
          </Button>
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}

type Dialog =
  { kind: 'add'; seq: number } | { kind: 'edit'; item: EditorItem; seq: number } | { kind: 'remove'; item: EditorItem };

/** The add or edit form, kept mounted while it closes (FormDialog then gives the page back to assistive technology). */
function FormFor({
  dialog,
  editor,
  people,
  onClose,
}: {
  dialog: Dialog | undefined;
  editor: DraftEditorState;
  people: readonly Contact[];
  onClose(): void;
}) {
  const [shown, setShown] = useState<{ item?: EditorItem; seq: number }>({ seq: 0 });
  const open = dialog?.kind === 'add' || dialog?.kind === 'edit';
  const item = dialog?.kind === 'edit' ? dialog.item : undefined;
  if (open && shown.seq !== dialog.seq) setShown({ item, seq: dialog.seq });
  if (shown.seq === 0) return null;
  return (
    <ItemDialog
      key={shown.seq}
      open={open}
      item={shown.item}
      people={people}
      onCancel={onClose}
      onDone={(fields) => {
        if (shown.item) editor.edit(shown.item.key, fields);
        else editor.add(fields);
        onClose();
      }}
    />
  );
}

/** Lägg till, Spara and (for the one who calls) Kalla from the draft once it is saved. */
function EditorActions({
  editor,
  onAdd,
  onCall,
}: {
  editor: DraftEditorState;
  onAdd(): void;
  onCall: ((draft: MeetingDraftView) => void) | undefined;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  // Once the kallelse is sent, a saved change goes to everyone called: asked first, "Avbryt" the safe choice.
  const called = editor.base.called;
  const [asking, setAsking] = useState(false);
  return (
    <div className={styles.actions}>
      <Button onClick={onAdd}>{t('drafts.add')}</Button>
      <Button
        appearance="primary"
        disabled={editor.saving.busy}
        onClick={() => (called ? setAsking(true) : void editor.save())}
      >
        {t('drafts.save')}
      </Button>
      {onCall && !called && (
        <Button disabled={editor.dirty} onClick={() => onCall(editor.base)}>
          {t('drafts.call')}
        </Button>
      )}
      {called && (
        <ConfirmDialog
          open={asking}
          title={t('drafts.updateQuestion')}
          consequence={t('drafts.updateConsequence', { count: called.attendees })}
          confirmLabel={t('drafts.updateSend')}
          cancelLabel={t('drafts.updateKeep')}
          busy={editor.saving.busy}
          onConfirm={() => void editor.save()}
          onCancel={() => setAsking(false)}
        />
      )}
    </div>
  );
}

/** A draft's dagordning: its points in order, moved, added, changed and removed, then saved under If-Match. */
export function DraftEditor({
  api,
  draft,
  people,
  canEdit,
  onCall,
}: {
  api: MeetingDraftsApi;
  draft: MeetingDraftView;
  people: readonly Contact[];
  canEdit: boolean;
  /** Present when the user may call the meeting: the kallelse from this draft. */
  onCall?(draft: MeetingDraftView): void;
}) {
  const { t } = useI18n();
  const page = usePageStyles();
  const styles = useStyles();
  const editor = useDraftEditor(api, draft);
  const [dialog, setDialog] = useState<Dialog>();
  const [note, setNote] = useState('');
  const pending = useState<{ item?: EditorItem }>(() => ({}))[0];
  const actions = {
    move: (index: number, by: -1 | 1) => {
      const item = editor.items[index];
      editor.move(index, by);
      if (item) setNote(t('drafts.moved', { title: item.title, number: index + by + 1 }));
    },
    edit: (item: EditorItem) => setDialog({ kind: 'edit', item, seq: Date.now() }),
    remove: (item: EditorItem) => {
      if (item.documents.length > 0) return setNote(t('drafts.removeHasDocuments', { title: item.title }));
      pending.item = item;
      setDialog({ kind: 'remove', item });
    },
  };
  return (
    <section aria-labelledby="draft-agenda" className={page.section}>
      <h3 id="draft-agenda" className={page.sectionHeading}>
        {t('drafts.agendaHeading', { title: editor.base.title })}
      </h3>
      {!canEdit && <p>{t('drafts.readOnly')}</p>}
      <Conflict editor={editor} />
      {editor.items.length === 0 && <p>{t('drafts.noItems')}</p>}
      <ol className={styles.items} aria-labelledby="draft-agenda">
        {editor.items.map((item, index) => (
          <AgendaItem
            key={item.key}
            api={api}
            draft={editor.base}
            item={item}
            index={index}
            count={editor.items.length}
            canEdit={canEdit}
            actions={actions}
            onDocuments={editor.documentsChanged}
          />
        ))}
      </ol>
      <div role="status" aria-live="polite">
        {note && <p>{note}</p>}
        {editor.dirty && <p>{t('drafts.unsaved')}</p>}
      </div>
      {canEdit && (
        <EditorActions editor={editor} onAdd={() => setDialog({ kind: 'add', seq: Date.now() })} onCall={onCall} />
      )}
      <ActionStatus state={editor.saving.state} busyLabel={t('drafts.saving')} />
      <FormFor dialog={dialog} editor={editor} people={people} onClose={() => setDialog(undefined)} />
      <ConfirmDialog
        open={dialog?.kind === 'remove'}
        title={t('drafts.removeQuestion')}
        consequence={dialog?.kind === 'remove' ? t('drafts.removeConsequence', { title: dialog.item.title }) : ''}
        confirmLabel={t('drafts.remove')}
        cancelLabel={t('drafts.cancel')}
        destructive
        onConfirm={() => pending.item && editor.remove(pending.item.key)}
        onCancel={() => setDialog(undefined)}
      />
    </section>
  );
}
