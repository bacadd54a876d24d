import {
  DomainRuleError,
  assertCanReport,
  funderReport,
  parseOrThrow,
  participantCountsSchema,
  toIsoDate,
  type FunderReport,
  type Organisation,
} from '../../../src/domain';
import type { ListItemsApi, ListStores } from '../lists';
import type { Clock } from '../ports';
import type { ParticipantCountsInput } from '../../../src/contract';
import type { ActivitiesService } from './activities';
import { toRecord, type ActivityFields, type ActivityRecord } from './activityRecord';
import { participantReportColumn } from './funderFields';
import { withConflict } from './listFields';
import type { TopicTagsService } from './topicTags';

/**
 * Funders' figures (#17): the samordnare reports an activity's participants after the event (per organisation
 * and by gender, counts only), and the year's report per samverkansområde, målgrupp and tag.
 */
export class FundersService {
  constructor(
    private readonly lists: Pick<ListStores, 'activities'>,
    private readonly organisations: readonly Organisation[],
    private readonly activities: Pick<ActivitiesService, 'get' | 'list'>,
    private readonly tags: Pick<TopicTagsService, 'list'>,
    private readonly clock: Clock,
  ) {}

  /** Writes the counts under If-Match `etag` (a 412 is a 409 with the activity as it is now). */
  async reportParticipants(
    gateway: ListItemsApi,
    id: string,
    input: ParticipantCountsInput,
    etag: string,
  ): Promise<ActivityRecord> {
    const counts = parseOrThrow(participantCountsSchema, input);
    const known = new Set(this.organisations.map((org) => org.id));
    const unknown = Object.keys(counts.byOrganisation).filter((org) => !known.has(org));
    if (unknown.length > 0) {
      throw new DomainRuleError('UNKNOWN_ORGANISATION', `Okänd organisation: ${unknown.join(', ')}.`);
    }
    const now = this.clock.now();
    assertCanReport(await this.activities.get(gateway, id), now);
    const byOrganisation = Object.fromEntries(Object.entries(counts.byOrganisation).filter(([, n]) => n > 0));
    const ParticipantReport = participantReportColumn.write({ ...counts, byOrganisation, reportedOn: toIsoDate(now) });
    return withConflict<ActivityFields, ActivityRecord>(
      async () => toRecord(await this.lists.activities.update(gateway, id, etag, { ParticipantReport })),
      toRecord,
    );
  }

  async report(gateway: ListItemsApi, year: number): Promise<FunderReport> {
    const [activities, tags] = await Promise.all([this.activities.list(gateway, { year }), this.tags.list(gateway)]);
    return funderReport(activities, tags, year, this.clock.now());
  }
}
