import { Link, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import type { KallelsePreview, SendRequest } from '../../../contract';
import { formatDay } from '../../format';
import { useI18n, type Language } from '../../i18n';
import { ConfirmDialog } from '../../ui/ConfirmDialog';

/** Lists of more people than this are folded away behind their organisation's name and count. */
const SHOWN_PEOPLE = 6;

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    '@media (max-width: 480px)': { gridTemplateColumns: '1fr' },
  },
  pair: { display: 'contents' },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, overflowWrap: 'anywhere' },
  heading: { fontSize: tokens.fontSizeBase400, margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalXS}` },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  // pre-line: the uppdrag item lists one uppdrag per line.
  detail: { display: 'block', color: tokens.colorNeutralForeground3, whiteSpace: 'pre-line' },
  warning: { marginTop: tokens.spacingVerticalM },
});

const weekdays: Record<Language, Intl.DateTimeFormat> = {
  sv: new Intl.DateTimeFormat('sv-SE', { timeZone: 'UTC', weekday: 'long' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long' }),
};

/** "onsdag 14 april 2027 kl. 09.00–12.00": the Stockholm wall clock as the server gave it. */
function useWhen(preview: KallelsePreview): string {
  const { t, language } = useI18n();
  const date = new Date(`${preview.date}T00:00:00Z`);
  const weekday = Number.isNaN(date.getTime()) ? '' : `${weekdays[language].format(date)} `;
  const clock = (time: string) => (language === 'sv' ? time.replace(':', '.') : time);
  return t('meetings.preview.whenText', {
    day: `${weekday}${formatDay(preview.date, language)}`,
    start: clock(preview.startTime),
    end: clock(preview.endTime),
  });
}

function Recipients({ preview }: { preview: KallelsePreview }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <>
      <h3 className={styles.heading}>{t('meetings.preview.recipients', { count: preview.recipientCount })}</h3>
      <ul className={styles.list}>
        {preview.recipients.map((group) => {
          const label = t('meetings.preview.organisation', { name: group.organisation, count: group.people.length });
          const names = group.people.map((person) => person.name).join(', ');
          return (
            <li key={group.organisation}>
              {group.people.length > SHOWN_PEOPLE ? (
                <details>
                  <summary className={styles.term}>{label}</summary>
                  {names}
                </details>
              ) : (
                <>
                  <span className={styles.term}>{label}</span>: {names}
                </>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}

function Agenda({ preview }: { preview: KallelsePreview }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <>
      <h3 className={styles.heading}>{t('meetings.preview.agenda')}</h3>
      <ol className={styles.list}>
        {preview.agenda.map((item) => (
          <li key={item.number} value={item.number}>
            {item.title}
            {item.details && <span className={styles.detail}>{item.details}</span>}
            {item.note && <span className={styles.detail}>{item.note}</span>}
            {item.documents && item.documents.length > 0 && (
              <ul className={styles.list}>
                {item.documents.map((doc) => (
                  <li key={doc.url}>
                    <Link href={doc.url} target="_blank" rel="noreferrer">
                      {doc.title}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      {preview.documents.length > 0 && (
        <>
          <h3 className={styles.heading}>{t('meetings.preview.documents')}</h3>
          <ul className={styles.list}>
            {preview.documents.map((doc) => (
              <li key={doc.url}>
                <a href={doc.url} target="_blank" rel="noreferrer">
                  {doc.title}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** The send would be refused: the season is called and this is not marked as an extra möte with its reason. */
export const refusedForSeason = (preview: KallelsePreview, request: SendRequest) =>
  preview.seasonAlreadyCalled && !request.extraMeeting?.reason?.trim();

function PreviewContent({ preview, request }: { preview: KallelsePreview; request: SendRequest }) {
  const { t } = useI18n();
  const styles = useStyles();
  const when = useWhen(preview);
  const facts: [string, string][] = [
    [t('meetings.preview.subject'), preview.subject],
    [t('meetings.preview.when'), when],
    [t('meetings.preview.place'), preview.place ?? t('meetings.preview.noPlace')],
    [t('meetings.preview.teams'), t(preview.teamsLink ? 'meetings.preview.teamsYes' : 'meetings.preview.teamsNo')],
  ];
  return (
    <div>
      <dl className={styles.facts}>
        {facts.map(([term, value]) => (
          <div key={term} className={styles.pair}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.value}>{value}</dd>
          </div>
        ))}
      </dl>
      {refusedForSeason(preview, request) && (
        <MessageBar intent="warning" className={styles.warning}>
          <MessageBarBody>{t('meetings.preview.seasonCalled')}</MessageBarBody>
        </MessageBar>
      )}
      <Agenda preview={preview} />
      <Recipients preview={preview} />
    </div>
  );
}

/** The kallelse as it would be sent; "Skicka kallelsen" sends it once, "Tillbaka" (focused) sends nothing. */
export function KallelsePreviewDialog({
  open,
  shown,
  busy,
  onSend,
  onBack,
}: {
  open: boolean;
  shown: { preview: KallelsePreview; request: SendRequest } | undefined;
  busy: boolean;
  onSend(): void;
  onBack(): void;
}) {
  const { t } = useI18n();
  if (!shown) return null;
  return (
    <ConfirmDialog
      open={open}
      title={t('meetings.preview.title')}
      consequence={<PreviewContent preview={shown.preview} request={shown.request} />}
      confirmLabel={t('meetings.preview.send')}
      cancelLabel={t('meetings.preview.back')}
      busy={busy || refusedForSeason(shown.preview, shown.request)}
      scrollable
      onConfirm={onSend}
      onCancel={onBack}
    />
  );
}
