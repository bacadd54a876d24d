import { Combobox, Field, Option } from '@fluentui/react-components';
import type { TopicTagDto } from '../../contract';
import { useI18n } from '../i18n';

/**
 * The activity's topic tags as a multiselect combobox (Fluent's listbox pattern: arrow keys, Enter toggles,
 * each option says whether it is chosen). Retired tags are offered only when the activity carries them already.
 */
export function TagField({
  tags,
  value,
  onChange,
}: {
  tags: readonly TopicTagDto[];
  value: readonly string[];
  onChange(tagIds: string[]): void;
}) {
  const { t } = useI18n();
  const offered = tags.filter((tag) => !tag.retiredOn || value.includes(tag.id));
  const names = offered.filter((tag) => value.includes(tag.id)).map((tag) => tag.name);
  return (
    <Field label={t('act.field.tags')} hint={t('act.field.tagsHint')}>
      <Combobox
        multiselect
        // Inline: in a portal, the closed multiselect listbox kept catching clicks on the page (browser test).
        inlinePopup
        placeholder={t('act.tags.none')}
        value={names.join(', ')}
        selectedOptions={[...value]}
        onOptionSelect={(_, data) => onChange(data.selectedOptions)}
      >
        {offered.map((tag) => (
          <Option key={tag.id} value={tag.id}>
            {tag.name}
          </Option>
        ))}
      </Combobox>
    </Field>
  );
}
