import type { MinutesViewDto } from '../../../contract';
import { DRAFT_ITEM_KIND_LABELS } from '../../../domain/meetingLists';
import { useI18n } from '../../i18n';
import { PointNote } from '../../meeting/PointNote';
import { useMeetingStyles } from '../../meeting/styles';
import { usePageStyles } from '../../ui/styles';
import type { MeetingsApi } from '../api';
import type { ProtocolKind } from '../../../domain/protocolKind';
import { KIND_TEXTS } from './kindTexts';

/** Anteckningar per punkt (issue #16): the protokoll's points with the secretary's notes, each saved on its own. */
export function NotesSection({
  api,
  meetingId,
  minutes,
  editable,
  kind = 'protokoll',
}: {
  api: MeetingsApi;
  meetingId: string;
  minutes: MinutesViewDto;
  editable: boolean;
  kind?: ProtocolKind;
}) {
  const { t } = useI18n();
  const page = usePageStyles();
  const styles = useMeetingStyles();
  if (minutes.items.length === 0) return null;
  return (
    <section aria-labelledby="meeting-notes" className={page.section}>
      <h3 id="meeting-notes" className={page.sectionHeading}>
        {t('meetingPanel.notesHeading')}
      </h3>
      {minutes.locked && <p>{t(KIND_TEXTS[kind].notesLocked)}</p>}
      <ol className={styles.points}>
        {minutes.items.map((item) => (
          <li key={item.id} className={styles.point}>
            <p className={styles.pointTitle}>
              {item.number}. {item.title}
            </p>
            {(item.kind || item.presenter) && (
              <p className={styles.meta}>
                {[
                  item.kind ? DRAFT_ITEM_KIND_LABELS[item.kind] : undefined,
                  item.presenter ? t('meetingPanel.presenter', { name: item.presenter }) : undefined,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
            )}
            {editable && !minutes.locked ? (
              <PointNote api={api} meetingId={meetingId} item={item} />
            ) : (
              item.note.text && <p className={styles.details}>{item.note.text}</p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
