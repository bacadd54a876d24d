import { Field, Input, Select, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { DRAFT_ITEM_KINDS } from '../../../domain/meetingLists';
import type { Contact } from '../../api';
import { useI18n } from '../../i18n';
import { FormDialog } from '../../ui/FormDialog';
import type { EditorItem, ItemFields } from './useDraftEditor';

/** Add or change one point: its kind, heading, short text and föredragande. */
export function ItemDialog({
  open,
  item,
  people,
  onDone,
  onCancel,
}: {
  open: boolean;
  /** The point changed; none for a new one. */
  item?: EditorItem;
  people: readonly Contact[];
  onDone(fields: ItemFields): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const [kind, setKind] = useState<ItemFields['kind']>(item?.kind ?? 'information');
  const [title, setTitle] = useState(item?.title ?? '');
  const [text, setText] = useState(item?.text ?? '');
  const [presenterId, setPresenterId] = useState(item?.presenterId ?? '');
  const [missing, setMissing] = useState(false);
  const submit = () => {
    if (!title.trim()) return setMissing(true);
    const presenter = people.find((p) => p.id === presenterId);
    onDone({
      kind,
      title: title.trim(),
      ...(text.trim() ? { text: text.trim() } : {}),
      ...(presenter ? { presenterId: presenter.id, presenterName: presenter.displayName } : {}),
    });
  };
  return (
    <FormDialog
      open={open}
      title={item ? t('drafts.editTitle') : t('drafts.addTitle')}
      submitLabel={t('drafts.apply')}
      cancelLabel={t('drafts.cancel')}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <Field label={t('drafts.kind')}>
        <Select value={kind} onChange={(_, data) => setKind(data.value as ItemFields['kind'])}>
          {DRAFT_ITEM_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`drafts.kind.${k}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('drafts.itemTitle')} required validationMessage={missing ? t('drafts.titleRequired') : undefined}>
        <Input value={title} maxLength={255} onChange={(_, data) => setTitle(data.value)} />
      </Field>
      <Field label={t('drafts.text')}>
        <Textarea value={text} maxLength={1000} onChange={(_, data) => setText(data.value)} />
      </Field>
      <Field label={t('drafts.presenter')}>
        <Select value={presenterId} onChange={(_, data) => setPresenterId(data.value)}>
          <option value="">{t('drafts.noPresenter')}</option>
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.displayName}
            </option>
          ))}
        </Select>
      </Field>
    </FormDialog>
  );
}
