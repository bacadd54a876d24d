import { kalendarium, kalendariumToIcsEvents, toIcsCalendar } from '../../../src/domain';
import type { GraphGateway } from '../../graph/gateway';
import { toActivity, type ActivitiesService } from '../economy';
import { systemClock, type Clock } from '../ports';
import { meetingIcsEvent } from './invitation';
import type { MeetingsService } from './service';

/**
 * The calendar files: one meeting's, and the year's kalendarium with every meeting of the register and the
 * activities of the aktivitetsplan (all-day, tentative while proposed, struck ones left out).
 */
export class MeetingCalendars {
  constructor(
    private readonly meetings: Pick<MeetingsService, 'get' | 'records'>,
    private readonly activities: Pick<ActivitiesService, 'list'>,
    private readonly clock: Clock = systemClock,
  ) {}

  async meetingIcs(gateway: GraphGateway, id: string): Promise<string> {
    const record = await this.meetings.get(gateway, id);
    return toIcsCalendar([meetingIcsEvent(record)], { now: this.clock.now().toISOString() });
  }

  /** The year's kalendarium: the register's meetings of that year, then the activities starting in it. */
  async yearIcs(gateway: GraphGateway, year: number): Promise<string> {
    const [records, activities] = await Promise.all([
      this.meetings.records(gateway),
      this.activities.list(gateway, { year }),
    ]);
    const meetings = records.filter((record) => record.date.startsWith(`${year}-`)).map(meetingIcsEvent);
    const planned = kalendariumToIcsEvents(kalendarium(activities.map(toActivity), year));
    return toIcsCalendar([...meetings, ...planned], {
      now: this.clock.now().toISOString(),
      calName: `Plan- och byggsamverkan Västerbotten ${year}`,
    });
  }
}
