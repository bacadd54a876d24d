import type { TodoItemDto } from '../../contract/todo';
import { pluralForm } from '../format';
import type { Language, Translate } from '../i18n';

type RhythmItem = Extract<TodoItemDto, { kind: 'yearRhythm' }>;

/** "Stödgruppen har haft 2 av cirka 6 möten i år (1 till är kallat)"; for samverkansgruppen, which season is missing. */
export function rhythmText(item: RhythmItem, t: Translate, language: Language): string {
  const head = t(`todo.yearRhythm.${item.group}`, { held: item.held, target: item.target });
  const called =
    item.called > 0 ? t(`todo.yearRhythm.called.${pluralForm(item.called, language)}`, { count: item.called }) : '';
  const missing =
    item.missingSeasons.length === 2
      ? t('todo.yearRhythm.missing.both')
      : item.missingSeasons[0]
        ? t(`todo.yearRhythm.missing.${item.missingSeasons[0]}`)
        : '';
  return `${head}${called}${missing}`;
}
