import { useState } from 'react';
import { heldMeetings } from '../decisions/heldMeetings';
import { useLoad } from '../services';
import { useReloadOn } from '../ui/useReloadOn';
import type { ActivityFilter } from './ActivityFilters';
import { activitiesApi } from './api';

/**
 * The year's activities as filtered, what they are shown against (meetings, decisions, organisations), and
 * `reloadAll` after a write here.
 */
export function useActivities({ year, area, targetGroup, status }: ActivityFilter) {
  const filters = {
    year,
    ...(area ? { area } : {}),
    ...(targetGroup ? { targetGroup } : {}),
    ...(status ? { status } : {}),
  };
  const activities = useLoad((api) => activitiesApi(api).list(filters));
  const context = useLoad(async (api) => {
    const [meetings, decisions, organisations] = await Promise.all([
      activitiesApi(api).meetings(),
      activitiesApi(api).decisions(),
      api.organisations(),
    ]);
    return { meetings, decisions, organisations };
  });
  useReloadOn(`${year}|${area}|${targetGroup}|${status}`, activities.reload);
  // Bumped on every write here, so the verksamhetsplan sees a newly proposed or decided activity.
  const [changes, setChanges] = useState(0);
  const reloadAll = () => {
    activities.reload();
    context.reload();
    setChanges((n) => n + 1);
  };
  // A decision is taken at a meeting that has started (#17): one still ahead or cancelled is never offered.
  const samverkansMeetings =
    context.status === 'ready'
      ? heldMeetings(
          context.data.meetings.filter((m) => m.group === 'samverkansgrupp'),
          Date.now(),
        )
      : [];
  return { activities, context, changes, reloadAll, samverkansMeetings };
}
