import { checkActivityTags, checkTagName, parseOrThrow, toIsoDate, type TopicTag } from '../../../src/domain';
import type { ListItemWithFields } from '../../graph/gateway';
import type { FieldsOf, ListItemsApi, ListStore } from '../lists';
import { newTopicTagSchema, topicTagPatchSchema, type NewTopicTag } from '../../../src/contract';
import type { Clock } from '../ports';
import { READ_PAGE_SIZE, dateValue, textValue, withConflict } from './listFields';

export type TopicTagFields = FieldsOf<'topicTags'>;
export interface TopicTagRecord extends TopicTag {
  etag: string;
}

function toTag(item: ListItemWithFields<TopicTagFields>): TopicTagRecord {
  const retiredOn = dateValue(item.fields.RetiredOn);
  return {
    id: item.id,
    etag: item.eTag,
    name: textValue(item.fields.Title) ?? '',
    ...(retiredOn ? { retiredOn } : {}),
  };
}

/** Ämnestaggar (#17): the samordnare's topic tags, added and retired, never deleted (old activities name them). */
export class TopicTagsService {
  constructor(
    private readonly store: ListStore<TopicTagFields>,
    private readonly clock: Clock,
  ) {}

  async list(gateway: ListItemsApi): Promise<TopicTagRecord[]> {
    const items = await this.store.find(gateway, undefined, { top: READ_PAGE_SIZE });
    return items.map(toTag).sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  }

  async create(gateway: ListItemsApi, input: NewTopicTag): Promise<TopicTagRecord> {
    const { name } = parseOrThrow(newTopicTagSchema, input);
    const checked = checkTagName(name, await this.list(gateway));
    return toTag(await this.store.create(gateway, { Title: checked }));
  }

  /** Retires a tag from today (Stockholm), or takes it into use again. */
  async setRetired(gateway: ListItemsApi, id: string, input: unknown, etag: string): Promise<TopicTagRecord> {
    const { retired } = parseOrThrow(topicTagPatchSchema, input);
    const RetiredOn = retired ? toIsoDate(this.clock.now()) : '';
    return withConflict<TopicTagFields, TopicTagRecord>(
      async () => toTag(await this.store.update(gateway, id, etag, { RetiredOn })),
      toTag,
    );
  }
}

/** The tags an activity may carry after a change (domain: known, no retired one added anew). */
export async function checkedTagIds(
  tags: Pick<TopicTagsService, 'list'>,
  gateway: ListItemsApi,
  tagIds: readonly string[],
  current: readonly string[] = [],
): Promise<string[]> {
  if (tagIds.length === 0) return [];
  return checkActivityTags(tagIds, await tags.list(gateway), current);
}
