import { MEETING_GROUPS, MEETING_STATUSES, type MeetingGroup, type MeetingStatus } from '../../src/domain';
import type { GraphGateway } from '../graph/gateway';
import type { SiteDirectory } from './site';

interface MeetingFields extends Record<string, unknown> {
  Title?: string;
  MeetingGroup?: string;
  StartDateTime?: string;
  EndDateTime?: string;
  Status?: string;
}

export interface MeetingSummary {
  id: string;
  title: string;
  group: MeetingGroup | null;
  start: string | null;
  end: string | null;
  status: MeetingStatus | null;
}

const oneOf = <T extends string>(values: readonly T[], value: unknown): T | null =>
  typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : null;

/** The meeting register (Möten list). */
export class MeetingsService {
  constructor(
    private readonly directory: SiteDirectory,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(gateway: GraphGateway, options: { upcoming: boolean }): Promise<MeetingSummary[]> {
    const { siteId, listId } = await this.directory.list(gateway, 'meetings');
    const items = await gateway.listItems<MeetingFields>(siteId, listId);
    const nowIso = this.now().toISOString();
    return items
      .map((item) => ({
        id: item.id,
        title: typeof item.fields.Title === 'string' ? item.fields.Title : '',
        group: oneOf(MEETING_GROUPS, item.fields.MeetingGroup),
        start: typeof item.fields.StartDateTime === 'string' ? item.fields.StartDateTime : null,
        end: typeof item.fields.EndDateTime === 'string' ? item.fields.EndDateTime : null,
        status: oneOf(MEETING_STATUSES, item.fields.Status),
      }))
      .filter((m) => !options.upcoming || (m.start !== null && m.start >= nowIso && m.status !== 'installt'))
      .sort((a, b) => (a.start ?? '').localeCompare(b.start ?? ''));
  }
}
