import { Button, Field, MessageBar, MessageBarActions, MessageBarBody, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { minutesNoteSchema, type MinutesItemDto, type MinutesNoteDto } from '../../contract';
import { MINUTES_NOTE_MAX_CHARS } from '../../domain/minutes';
import { ApiError } from '../api';
import { useI18n } from '../i18n';
import type { MeetingsApi } from '../meetings/api';
import { ActionStatus } from '../ui/ActionStatus';
import { useAction } from '../ui/useAction';
import { useMeetingStyles } from './styles';

/** The newer note a 409 carries, when it is one. */
function newerNote(error: unknown): MinutesNoteDto | undefined {
  if (!(error instanceof ApiError) || error.status !== 409) return undefined;
  const parsed = minutesNoteSchema.safeParse(error.current);
  return parsed.success ? parsed.data : undefined;
}

/**
 * The secretary's notes on one point (issue #16), saved under If-Match: when someone else saved newer notes
 * meanwhile, theirs are shown beside the secretary's own text, which stays in the box until they choose.
 */
export function PointNote({
  api,
  meetingId,
  item,
  onSaved,
}: {
  api: Pick<MeetingsApi, 'saveNote'>;
  meetingId: string;
  item: MinutesItemDto;
  onSaved?(note: MinutesNoteDto): void;
}) {
  const { t } = useI18n();
  const styles = useMeetingStyles();
  const saving = useAction();
  const [text, setText] = useState(item.note.text);
  const [etag, setEtag] = useState(item.note.etag);
  const [newer, setNewer] = useState<MinutesNoteDto>();
  const [savedText, setSavedText] = useState(item.note.text);
  const max = MINUTES_NOTE_MAX_CHARS.toLocaleString('sv-SE');
  const save = async () => {
    const saved = await saving.run(
      async () => {
        try {
          return await api.saveNote(meetingId, item.id, text, etag ?? '*');
        } catch (error) {
          setNewer(newerNote(error));
          throw error;
        }
      },
      () => t('meetingPanel.notesSaved', { number: item.number }),
    );
    if (saved && typeof saved === 'object') {
      setEtag(saved.etag);
      setSavedText(saved.text);
      setNewer(undefined);
      onSaved?.(saved);
    }
  };
  const choose = (theirs: boolean) => {
    if (!newer) return;
    if (theirs) setText(newer.text);
    setSavedText(newer.text);
    setEtag(newer.etag);
    setNewer(undefined);
    saving.reset();
  };
  return (
    <div className={styles.note}>
      <Field
        label={t('meetingPanel.notesFor', { number: item.number })}
        hint={t('meetingPanel.notesHint', { max })}
        validationState={text.length > MINUTES_NOTE_MAX_CHARS ? 'error' : 'none'}
      >
        <Textarea value={text} resize="vertical" rows={3} onChange={(_, change) => setText(change.value)} />
      </Field>
      {newer && <NewerNote newer={newer} onChoose={choose} />}
      <div className={styles.actions}>
        <Button
          size="small"
          disabled={saving.busy || newer !== undefined || text === savedText}
          onClick={() => void save()}
        >
          {t('meetingPanel.saveNotes')}
        </Button>
      </div>
      {!newer && <ActionStatus state={saving.state} />}
    </div>
  );
}

/** Someone else's newer notes, beside the secretary's own text: take theirs, or keep one's own and save over. */
function NewerNote({ newer, onChoose }: { newer: MinutesNoteDto; onChoose(theirs: boolean): void }) {
  const { t } = useI18n();
  const styles = useMeetingStyles();
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <p>{t('meetingPanel.notesNewer')}</p>
        <p className={styles.details}>
          {newer.text ? t('meetingPanel.notesTheirs', { text: newer.text }) : t('meetingPanel.notesTheirsEmpty')}
        </p>
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={() => onChoose(true)}>
          {t('meetingPanel.useTheirs')}
        </Button>
        <Button size="small" onClick={() => onChoose(false)}>
          {t('meetingPanel.keepMine')}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
