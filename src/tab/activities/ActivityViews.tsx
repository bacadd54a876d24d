import type { ActivityDto, DecisionDto, MeetingSummaryDto, TopicTagDto } from '../../contract';
import type { LoadState } from '../services';
import { ErrorMessage, Loading } from '../ui/status';
import { usePageStyles } from '../ui/styles';
import { Arshjul, wheelItems } from './Arshjul';
import { ActivityTable } from './ActivityTable';
import type { ActivityView } from './ActivityFilters';
import { FunderReportView } from './FunderReport';
import { Kalendarium } from './Kalendarium';

/** The year's activities as a table, a kalendarium, an årshjul or the funders' figures; one live region for all. */
export function ActivityViews({
  view,
  year,
  today,
  activities,
  context,
  meetings,
  tags = [],
  canDecide,
  canEvaluate,
  onChanged,
  onEvaluate,
  onReport,
}: {
  view: ActivityView;
  year: number;
  today: string;
  activities: LoadState<ActivityDto[]> & { reload(): void };
  context: LoadState<{ meetings: MeetingSummaryDto[]; decisions: DecisionDto[] }>;
  meetings: MeetingSummaryDto[];
  tags?: readonly TopicTagDto[];
  canDecide: boolean;
  canEvaluate: boolean;
  onChanged(): void;
  onEvaluate(activity: ActivityDto): void;
  /** The participant counts after the event (#17). */
  onReport(activity: ActivityDto): void;
}) {
  const page = usePageStyles();
  return (
    <section className={page.section} aria-live="polite">
      {activities.status === 'loading' && <Loading />}
      {activities.status === 'error' && <ErrorMessage error={activities.error} onRetry={activities.reload} />}
      {activities.status === 'ready' && view === 'tabell' && (
        <ActivityTable
          activities={activities.data}
          meetings={meetings}
          tags={tags}
          canDecide={canDecide}
          canEvaluate={canEvaluate}
          onChanged={onChanged}
          onEvaluate={onEvaluate}
          onReport={onReport}
        />
      )}
      {view === 'uppfoljning' && <FunderReportView year={year} canManageTags={canDecide} />}
      {activities.status === 'ready' && view === 'kalendarium' && (
        <Kalendarium
          year={year}
          activities={activities.data}
          initialMonth={
            Number(activities.data[0]?.startDate.slice(5, 7)) ||
            (today.startsWith(`${year}-`) ? Number(today.slice(5, 7)) : 1)
          }
        />
      )}
      {activities.status === 'ready' && view === 'arshjul' && context.status === 'ready' && (
        <Arshjul year={year} items={wheelItems(year, activities.data, context.data.meetings, context.data.decisions)} />
      )}
    </section>
  );
}
