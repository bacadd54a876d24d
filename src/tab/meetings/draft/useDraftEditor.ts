import { useCallback, useState } from 'react';
import type { AgendaPutRequest, DraftItemView, MeetingDraftView } from '../../../contract';
import { ApiError } from '../../api';
import { useI18n } from '../../i18n';
import { useAction } from '../../ui/useAction';
import { conflictDraft, type MeetingDraftsApi } from './api';

/** A point as the editor holds it: `id` once the server has it, `key` for the page. */
export interface EditorItem extends Omit<DraftItemView, 'id' | 'source'> {
  key: string;
  id?: string;
  source?: DraftItemView['source'];
}

export type ItemFields = Pick<EditorItem, 'kind' | 'title' | 'text' | 'presenterId' | 'presenterName'>;

let fresh = 0;
const toEditor = (items: readonly DraftItemView[]): EditorItem[] => items.map((item) => ({ ...item, key: item.id }));

/** The points without their handlingar: what an editor changes (handlingar are written at once). */
const agendaOf = (items: readonly (EditorItem | DraftItemView)[]) =>
  JSON.stringify(items.map(({ id, kind, title, text, presenterId }) => ({ id, kind, title, text, presenterId })));

export function toPut(items: readonly EditorItem[]): AgendaPutRequest['items'] {
  return items.map((item) => ({
    ...(item.id ? { id: item.id } : {}),
    kind: item.kind,
    title: item.title,
    ...(item.text ? { text: item.text } : {}),
    ...(item.presenterId ? { presenterId: item.presenterId } : {}),
  }));
}

/** My points over a newer version: its handlingar kept, my points whose id it no longer has sent as new ones. */
function keepMine(mine: readonly EditorItem[], current: MeetingDraftView): EditorItem[] {
  const theirs = new Map(current.items.map((item) => [item.id, item]));
  return mine.map((item) => {
    const there = item.id ? theirs.get(item.id) : undefined;
    if (item.id && !there) {
      const { id: _id, source: _source, ...rest } = item;
      return { ...rest, documents: [] };
    }
    return there ? { ...item, documents: there.documents } : item;
  });
}

/**
 * The handlingar of `draft` on the points. The version edited from moves on only when nobody else changed the
 * points meanwhile (the caller compares), so that a save never overwrites their change.
 */
function withDocuments<T extends { id?: string; documents: DraftItemView['documents'] }>(
  list: readonly T[],
  draft: MeetingDraftView,
): T[] {
  const byId = new Map(draft.items.map((item) => [item.id, item]));
  return list.map((item) => {
    const there = item.id ? byId.get(item.id) : undefined;
    return there ? { ...item, documents: there.documents } : item;
  });
}

/**
 * The dagordning being edited: the version it started from (its ETag is the save's If-Match), the points as the
 * editor has them, and a 409's newer version with the choice to take it or to keep one's own and save again.
 */
export function useDraftEditor(api: MeetingDraftsApi, initial: MeetingDraftView) {
  const { t } = useI18n();
  const [base, setBase] = useState(initial);
  const [items, setItems] = useState(() => toEditor(initial.items));
  const [conflict, setConflict] = useState<MeetingDraftView>();
  const saving = useAction();
  const dirty = agendaOf(items) !== agendaOf(base.items);

  const move = (index: number, by: -1 | 1) =>
    setItems((list) => {
      const next = [...list];
      const [item] = next.splice(index, 1);
      if (item) next.splice(index + by, 0, item);
      return next;
    });
  const add = (fields: ItemFields) =>
    setItems((list) => [...list, { ...fields, key: `new-${++fresh}`, documents: [] }]);
  const edit = (key: string, fields: ItemFields) =>
    setItems((list) => list.map((item) => (item.key === key ? { ...item, ...fields } : item)));
  const remove = (key: string) => setItems((list) => list.filter((item) => item.key !== key));

  const save = async (list: readonly EditorItem[] = items, etag = base.etag) => {
    const saved = await saving.run(
      () =>
        api.putAgenda(base.id, toPut(list), etag).catch((error: unknown) => {
          const current = error instanceof ApiError && error.status === 409 ? conflictDraft(error.current) : undefined;
          if (current) setConflict(current);
          throw error;
        }),
      () => t('drafts.saved'),
    );
    if (!saved) return;
    setConflict(undefined);
    setBase(saved);
    setItems(toEditor(saved.items));
  };

  const takeTheirs = () => {
    if (!conflict) return;
    setBase(conflict);
    setItems(toEditor(conflict.items));
    setConflict(undefined);
    saving.reset();
  };
  const keepMineAndSave = async () => {
    if (!conflict) return;
    const mine = keepMine(items, conflict);
    setBase(conflict);
    setItems(mine);
    setConflict(undefined);
    await save(mine, conflict.etag);
  };

  /** A handling was added or removed (the server wrote it at once): see withDocuments. */
  const documentsChanged = useCallback((draft: MeetingDraftView) => {
    setItems((list) => withDocuments(list, draft));
    setBase((was) =>
      agendaOf(was.items) === agendaOf(draft.items) ? draft : { ...was, items: withDocuments(was.items, draft) },
    );
  }, []);

  return {
    base,
    items,
    dirty,
    conflict,
    saving,
    move,
    add,
    edit,
    remove,
    save: () => save(),
    takeTheirs,
    keepMineAndSave,
    documentsChanged,
  };
}

export type DraftEditorState = ReturnType<typeof useDraftEditor>;
