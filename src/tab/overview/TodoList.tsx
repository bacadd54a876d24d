import { Link, MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { TodoAnswerDto, TodoItemDto } from '../../contract/todo';
// The answer's schema comes with zod on the first request (src/tab/apiSchemas.ts), not in the first load.
import { fromSchemas } from '../api';
import { formatDay, pluralForm } from '../format';
import { useI18n, type Language, type Translate } from '../i18n';
import { pageHref } from '../routes';
import { useLoad } from '../services';
import { ErrorMessage, Loading } from '../ui/status';
import { usePageStyles } from '../ui/styles';
import { rhythmText } from './rhythmText';

/** The sentence for one item, in the reader's language, with Swedish plurals from Intl.PluralRules. */
export function todoText(item: TodoItemDto, t: Translate, language: Language): string {
  switch (item.kind) {
    case 'callSeasonMeeting':
      return t('todo.callSeasonMeeting', { season: t(`todo.season.${item.season}`), year: item.year });
    case 'approveProtocol': {
      const key =
        item.document === 'minnesanteckningar'
          ? 'todo.confirmMinutes'
          : item.step === 'justerare'
            ? 'todo.adjustProtocol'
            : 'todo.approveProtocol';
      return t(key, { title: item.meetingTitle, date: formatDay(item.date, language) });
    }
    case 'archiveProtocol':
      return t(item.document === 'minnesanteckningar' ? 'todo.archiveMinutes' : 'todo.archiveProtocol', {
        title: item.meetingTitle,
        date: formatDay(item.date, language),
      });
    case 'answerKallelse':
      return t('todo.answerKallelse', { title: item.meetingTitle, date: formatDay(item.date, language) });
    case 'decideProposals':
      return t(`todo.decideProposals.${pluralForm(item.count, language)}`, { count: item.count });
    case 'coFinancingGaps':
      return t(`todo.coFinancingGaps.${pluralForm(item.count, language)}`, { count: item.count, year: item.year });
    case 'yearRhythm':
      return rhythmText(item, t, language);
    case 'assignmentDue':
      return t(item.overdue ? 'todo.assignmentOverdue' : 'todo.assignmentDue', {
        description: item.description,
        date: formatDay(item.due, language),
      });
  }
}

/** Where the item is done: the meeting itself for a protokoll or an answer, the page otherwise. */
export function todoHref(item: TodoItemDto): string {
  return item.kind === 'approveProtocol' || item.kind === 'answerKallelse' || item.kind === 'archiveProtocol'
    ? pageHref(item.page, item.meetingId)
    : item.kind === 'assignmentDue'
      ? pageHref(item.page, 'uppdrag')
      : pageHref(item.page);
}

function itemKey(item: TodoItemDto): string {
  if (item.kind === 'assignmentDue') return `${item.kind}-${item.assignmentId}`;
  if (item.kind === 'yearRhythm') return `${item.kind}-${item.group}`;
  return 'meetingId' in item ? `${item.kind}-${item.meetingId}` : item.kind;
}

/** "Att göra för dig": what waits for the signed-in person (GET /api/todo), each item a link to where it is done. */
export function TodoList() {
  const { t, language } = useI18n();
  const page = usePageStyles();
  const todo = useLoad((api): Promise<TodoAnswerDto> => api.request('/api/todo', fromSchemas('todoAnswer')));
  if (todo.status === 'loading') return <Loading />;
  if (todo.status === 'error') return <ErrorMessage error={todo.error} onRetry={todo.reload} />;
  const { items, unavailable } = todo.data;
  return (
    <>
      {unavailable.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {t('todo.partial', { parts: unavailable.map((part) => t(`todo.part.${part}`)).join(', ') })}
          </MessageBarBody>
        </MessageBar>
      )}
      {items.length === 0 ? (
        <p>{t('todo.none')}</p>
      ) : (
        <ul className={page.list} aria-label={t('todo.title')}>
          {items.map((item) => (
            <li key={itemKey(item)}>
              <Link href={todoHref(item)}>{todoText(item, t, language)}</Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
