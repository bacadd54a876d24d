import { Button, Field, Link, ProgressBar, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useId, useRef, useState } from 'react';
import type { MeetingDraftView } from '../../../contract';
import { DRAFT_DOCUMENT_LIMITS } from '../../../domain/meetingLists';
import { useI18n, type Translate } from '../../i18n';
import { ActionStatus } from '../../ui/ActionStatus';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useAction } from '../../ui/useAction';
import type { MeetingDraftsApi } from './api';
import type { EditorItem } from './useDraftEditor';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  doc: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground3, margin: `${tokens.spacingVerticalXS} 0` },
  // The browser's own file button speaks the browser's language ("Choose File"): the input is hidden from sight
  // (still focusable and named by its label) and its label looks like a button, in the tab's language.
  file: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
  fileButton: {
    display: 'inline-flex',
    alignItems: 'center',
    maxWidth: '100%',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  fileButtonFocused: { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  fileButtonDisabled: { color: tokens.colorNeutralForegroundDisabled, cursor: 'not-allowed' },
  heading: { fontSize: tokens.fontSizeBase300, margin: `${tokens.spacingVerticalS} 0 0` },
});

const MB = 1024 * 1024;

/** Why a file may not be added (the server's limits, said before anything is sent), or undefined. */
export function refusal(t: Translate, file: File, item: EditorItem, draft: MeetingDraftView): string | undefined {
  if (file.size === 0) return t('drafts.empty', { name: file.name });
  if (file.size > DRAFT_DOCUMENT_LIMITS.fileBytes) {
    return t('drafts.tooLarge', { name: file.name, size: DRAFT_DOCUMENT_LIMITS.fileBytes / MB });
  }
  if (item.documents.length >= DRAFT_DOCUMENT_LIMITS.perItem) {
    return t('drafts.itemFull', { count: DRAFT_DOCUMENT_LIMITS.perItem });
  }
  const total = draft.items.reduce((sum, i) => sum + i.documents.length, 0);
  if (total >= DRAFT_DOCUMENT_LIMITS.perMeeting)
    return t('drafts.meetingFull', { count: DRAFT_DOCUMENT_LIMITS.perMeeting });
  return undefined;
}

/** The bytes on their way: a progress bar whose label says how far, announced politely. */
function Progress({ name, fraction }: { name: string; fraction: number }) {
  const { t } = useI18n();
  const label = t('drafts.uploading', { name, percent: Math.round(fraction * 100) });
  return (
    <div role="status" aria-live="polite">
      <Field label={label}>
        <ProgressBar value={fraction} max={1} thickness="large" aria-label={label} />
      </Field>
    </div>
  );
}

type DraftDocument = EditorItem['documents'][number];

/** The point's handlingar, each a link and (for an editor) removable. */
function DocumentList({
  item,
  canEdit,
  onRemove,
}: {
  item: EditorItem;
  canEdit: boolean;
  onRemove(doc: DraftDocument): void;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  if (item.documents.length === 0) return <p className={styles.hint}>{t('drafts.noDocuments')}</p>;
  return (
    <ul className={styles.list}>
      {item.documents.map((doc) => (
        <li key={doc.id} className={styles.doc}>
          <Link href={doc.webUrl} target="_blank" rel="noreferrer">
            {doc.name}
          </Link>
          <span>({Math.max(1, Math.round(doc.size / 1024))} kB)</span>
          {canEdit && (
            <Button
              size="small"
              aria-label={t('drafts.removeDocument', { name: doc.name })}
              onClick={() => onRemove(doc)}
            >
              {t('drafts.remove')}
            </Button>
          )}
        </li>
      ))}
    </ul>
  );
}

interface DocumentsProps {
  api: MeetingDraftsApi;
  draft: MeetingDraftView;
  item: EditorItem;
  number: number;
  canEdit: boolean;
  onChanged(draft: MeetingDraftView): void;
}

/** Upload (refused in the tab over the limits, no request then) and removal of one point's handlingar. */
function useDocumentActions({ api, draft, item, onChanged }: DocumentsProps) {
  const { t } = useI18n();
  const uploading = useAction();
  const removing = useAction();
  const [progress, setProgress] = useState<{ name: string; fraction: number }>();
  const [refused, setRefused] = useState<string>();
  const upload = async (file: File) => {
    uploading.reset();
    const why = item.id ? refusal(t, file, item, draft) : t('drafts.saveFirst');
    setRefused(why);
    if (why || !item.id) return false;
    setProgress({ name: file.name, fraction: 0 });
    const onProgress = (sent: number, total: number) =>
      setProgress({ name: file.name, fraction: total ? sent / total : 0 });
    const saved = await uploading.run(
      () => api.upload(draft.id, item.id!, file, onProgress),
      () => t('drafts.uploaded', { name: file.name }),
    );
    setProgress(undefined);
    if (saved) onChanged(saved);
    return true;
  };
  const remove = async (doc: DraftDocument) => {
    if (!item.id) return;
    const saved = await removing.run(
      () => api.removeDocument(draft.id, item.id!, doc.id),
      () => t('drafts.documentRemoved', { name: doc.name }),
    );
    if (saved) onChanged(saved);
  };
  return { uploading, removing, progress, refused, upload, remove };
}

/** One point's handlingar: the list (each removable, confirmed), the limits and the file input. */
export function Documents(props: DocumentsProps) {
  const { item, number, canEdit } = props;
  const { t } = useI18n();
  const styles = useStyles();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const actions = useDocumentActions(props);
  const [removal, setRemoval] = useState<DraftDocument>();
  const [focused, setFocused] = useState(false);
  // ConfirmDialog acts once it has closed: the handling asked about is kept until then.
  const pending = useRef<DraftDocument | undefined>(undefined);
  return (
    <div>
      <h5 className={styles.heading}>{t('drafts.documents')}</h5>
      <DocumentList
        item={item}
        canEdit={canEdit}
        onRemove={(doc) => {
          pending.current = doc;
          setRemoval(doc);
        }}
      />
      {canEdit && (
        <>
          <p className={styles.hint} id={`${inputId}-limits`}>
            {t('drafts.limits', {
              size: DRAFT_DOCUMENT_LIMITS.fileBytes / MB,
              perItem: DRAFT_DOCUMENT_LIMITS.perItem,
              perMeeting: DRAFT_DOCUMENT_LIMITS.perMeeting,
            })}
          </p>
          <input
            ref={input}
            id={inputId}
            className={styles.file}
            type="file"
            aria-describedby={`${inputId}-limits`}
            disabled={actions.uploading.busy}
            onFocus={() => setFocused(true)}
            onBlur={() => setFocused(false)}
            onChange={async (event) => {
              const file = event.target.files?.[0];
              if (file) await actions.upload(file);
              if (input.current) input.current.value = '';
            }}
          />
          <label
            htmlFor={inputId}
            className={mergeClasses(
              styles.fileButton,
              focused && styles.fileButtonFocused,
              actions.uploading.busy && styles.fileButtonDisabled,
            )}
          >
            {t('drafts.file', { number })}
          </label>
          {actions.progress && <Progress name={actions.progress.name} fraction={actions.progress.fraction} />}
          {actions.refused && <p role="alert">{actions.refused}</p>}
          <ActionStatus state={actions.uploading.state} />
          <ActionStatus state={actions.removing.state} />
        </>
      )}
      <ConfirmDialog
        open={removal !== undefined}
        title={t('drafts.removeDocumentQuestion')}
        consequence={removal ? t('drafts.removeDocumentConsequence', { name: removal.name }) : ''}
        confirmLabel={t('drafts.remove')}
        cancelLabel={t('drafts.cancel')}
        destructive
        onConfirm={() => pending.current && void actions.remove(pending.current)}
        onCancel={() => setRemoval(undefined)}
      />
    </div>
  );
}
