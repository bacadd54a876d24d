import { Button, Field, Link, Select, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { AgendaPointDto, MeetingDecisionDto, MinutesItemDto, MinutesViewDto } from '../../contract';
import { DECISION_KINDS, DECISION_KIND_LABELS, type DecisionKind } from '../../domain/decisions';
import { DRAFT_ITEM_KIND_LABELS } from '../../domain/meetingLists';
import { useI18n } from '../i18n';
import { ActionStatus } from '../ui/ActionStatus';
import { useAction } from '../ui/useAction';
import type { MeetingsApi } from '../meetings/api';
import { PointNote } from './PointNote';
import { useMeetingStyles } from './styles';

/** The kinds the compact form offers: an appointment or a cost exception needs the Beslut page's own fields. */
const POINT_DECISION_KINDS = DECISION_KINDS.filter((kind) => kind !== 'sammankallande' && kind !== 'kostnadsundantag');

/**
 * The decisions taken under a point: those whose AgendaItemId names it, and those recorded before the column,
 * written "{point's title}: {decision}".
 */
export function decisionsOf(
  point: Pick<AgendaPointDto, 'title'>,
  decisions: readonly MeetingDecisionDto[],
  itemId?: string,
) {
  const prefix = `${point.title}: `;
  return decisions
    .filter(
      (d) => (itemId !== undefined && d.agendaItemId === itemId) || (!d.agendaItemId && d.text.startsWith(prefix)),
    )
    .map((d) => (d.agendaItemId ? d.text : d.text.slice(prefix.length)));
}

export interface AgendaPointsProps {
  api: MeetingsApi;
  meetingId: string;
  points: AgendaPointDto[];
  decisions: MeetingDecisionDto[];
  /** The secretary at a samverkansgrupp meeting: beslut points get a form. */
  mayDecide: boolean;
  onDecided(): void;
  /** For the secretary: the protokoll's points with their notes; each point gets its notes' box. */
  minutes?: MinutesViewDto;
}

/** The dagordning as sent: each point with its kind, föredragande, text and handlingar, and its beslut so far. */
export function AgendaPoints({ api, meetingId, points, decisions, mayDecide, onDecided, minutes }: AgendaPointsProps) {
  const { t } = useI18n();
  const styles = useMeetingStyles();
  if (points.length === 0) return <p>{t('meetingPanel.noAgenda')}</p>;
  // A dagordning generated at send time names no kinds: then every point may carry a beslut.
  const kinded = points.some((point) => point.kind !== undefined);
  return (
    <ol className={styles.points}>
      {points.map((point) => {
        const item = minutes?.items.find((i) => i.number === point.number);
        return (
          <li key={point.number} className={styles.point}>
            <p className={styles.pointTitle}>
              {point.number}. {point.title}
            </p>
            {(point.kind || point.presenter) && (
              <p className={styles.meta}>
                {[
                  point.kind ? DRAFT_ITEM_KIND_LABELS[point.kind] : undefined,
                  point.presenter ? t('meetingPanel.presenter', { name: point.presenter }) : undefined,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
            )}
            {point.details && <p className={styles.details}>{point.details}</p>}
            {point.documents.length > 0 && (
              <ul className={styles.documents} aria-label={t('meetingPanel.documents', { number: point.number })}>
                {point.documents.map((doc) => (
                  <li key={doc.url}>
                    <Link href={doc.url} target="_blank" rel="noreferrer">
                      {doc.title} <span>{t('meetingPanel.opensNew')}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            )}
            <Decided texts={decisionsOf(point, decisions, item?.id)} />
            {item && !minutes?.locked && <PointNote api={api} meetingId={meetingId} item={item} />}
            {mayDecide && (point.kind === 'beslut' || !kinded) && (
              <DecisionForm api={api} meetingId={meetingId} point={point} item={item} onDecided={onDecided} />
            )}
          </li>
        );
      })}
    </ol>
  );
}

function Decided({ texts }: { texts: string[] }) {
  const { t } = useI18n();
  const styles = useMeetingStyles();
  if (texts.length === 0) return null;
  return (
    <ul className={styles.decided}>
      {texts.map((text, index) => (
        <li key={index}>{t('meetingPanel.decided', { text })}</li>
      ))}
    </ul>
  );
}

function DecisionForm({
  api,
  meetingId,
  point,
  item,
  onDecided,
}: {
  api: MeetingsApi;
  meetingId: string;
  point: AgendaPointDto;
  /** The point in the protokoll: the decision names it (Beslut's AgendaItemId). */
  item?: MinutesItemDto;
  onDecided(): void;
}) {
  const { t, language } = useI18n();
  const styles = useMeetingStyles();
  const saving = useAction();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<DecisionKind>(POINT_DECISION_KINDS[0] as DecisionKind);
  const [text, setText] = useState('');
  if (!open) {
    return (
      <div className={styles.actions}>
        <Button size="small" onClick={() => setOpen(true)}>
          {t('meetingPanel.recordDecision')}
        </Button>
        <ActionStatus state={saving.state} />
      </div>
    );
  }
  const save = async () => {
    const saved = await saving.run(
      () =>
        api.recordDecision(
          meetingId,
          item ? { kind, text: text.trim(), agendaItemId: item.id } : { kind, text: `${point.title}: ${text.trim()}` },
        ),
      () => t('meetingPanel.decisionSaved', { number: point.number }),
    );
    if (saved) {
      setText('');
      setOpen(false);
      onDecided();
    }
  };
  return (
    <fieldset className={styles.form}>
      <legend>{t('meetingPanel.decisionFor', { number: point.number })}</legend>
      <Field label={t('meetings.decisionKind')}>
        <Select value={kind} onChange={(_, change) => setKind(change.value as DecisionKind)}>
          {POINT_DECISION_KINDS.map((value) => (
            <option key={value} value={value}>
              {DECISION_KIND_LABELS[value][language]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('meetingPanel.decisionText')} required>
        <Textarea value={text} resize="vertical" onChange={(_, change) => setText(change.value)} />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={saving.busy || text.trim() === ''} onClick={() => void save()}>
          {t('meetingPanel.saveDecision')}
        </Button>
        <Button onClick={() => setOpen(false)}>{t('contacts.cancel')}</Button>
      </div>
      <ActionStatus state={saving.state} />
    </fieldset>
  );
}
