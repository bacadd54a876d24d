import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { MeetingDraftView } from '../../../contract';
import { useI18n } from '../../i18n';
import type { MeetingDraftsApi } from './api';
import { Documents } from './Documents';
import type { EditorItem } from './useDraftEditor';

const useStyles = makeStyles({
  item: {
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `${tokens.spacingVerticalS} 0`,
  },
  title: {
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    margin: 0,
    overflowWrap: 'anywhere',
  },
  meta: { color: tokens.colorNeutralForeground3, margin: `${tokens.spacingVerticalXXS} 0` },
  text: { whiteSpace: 'pre-line', margin: `${tokens.spacingVerticalXS} 0`, overflowWrap: 'anywhere' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalXS },
});

export interface ItemActions {
  move(index: number, by: -1 | 1): void;
  edit(item: EditorItem): void;
  remove(item: EditorItem): void;
}

/** One point: number, heading, kind, föredragande, text and source; its moves, edit and removal; its handlingar. */
export function AgendaItem({
  api,
  draft,
  item,
  index,
  count,
  canEdit,
  actions,
  onDocuments,
}: {
  api: MeetingDraftsApi;
  draft: MeetingDraftView;
  item: EditorItem;
  index: number;
  count: number;
  canEdit: boolean;
  actions: ItemActions;
  onDocuments(draft: MeetingDraftView): void;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const number = index + 1;
  const named = { number, title: item.title };
  const meta = [
    t(`drafts.kind.${item.kind}`),
    item.presenterName ? `${t('drafts.presenter')}: ${item.presenterName}` : undefined,
    item.source ? t('drafts.source', { label: item.source.label }) : t('drafts.unsavedSource'),
  ].filter(Boolean);
  return (
    <li className={styles.item}>
      <h4 className={styles.title}>
        {number}. {item.title}
      </h4>
      <p className={styles.meta}>{meta.join(' · ')}</p>
      {item.text && <p className={styles.text}>{item.text}</p>}
      {canEdit && (
        <div className={styles.actions}>
          <Button
            size="small"
            disabledFocusable={index === 0}
            aria-label={t('drafts.moveUpItem', named)}
            onClick={() => actions.move(index, -1)}
          >
            {t('drafts.moveUp')}
          </Button>
          <Button
            size="small"
            disabledFocusable={index === count - 1}
            aria-label={t('drafts.moveDownItem', named)}
            onClick={() => actions.move(index, 1)}
          >
            {t('drafts.moveDown')}
          </Button>
          <Button size="small" aria-label={t('drafts.editItem', named)} onClick={() => actions.edit(item)}>
            {t('drafts.edit')}
          </Button>
          <Button size="small" aria-label={t('drafts.removeItem', named)} onClick={() => actions.remove(item)}>
            {t('drafts.remove')}
          </Button>
        </div>
      )}
      <Documents api={api} draft={draft} item={item} number={number} canEdit={canEdit} onChanged={onDocuments} />
    </li>
  );
}
