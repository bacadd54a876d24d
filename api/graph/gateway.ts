import { GraphError, ResponseType, type Client, type GraphRequest } from '@microsoft/microsoft-graph-client';
import type {
  AadUserConversationMember,
  Channel,
  ColumnDefinition,
  ConversationMember,
  Event,
  FieldValueSet,
  List,
  ListItem,
  MeetingTimeSuggestionsResult,
  ScheduleInformation,
  Site,
  Team,
  TeamsAsyncOperation,
  TeamsTab,
  User,
} from '@microsoft/microsoft-graph-types';
import { ConflictError, GraphRequestError } from './errors';
import { listItemFilter, odataString, type ListItemFilter } from './odata';
import { transactionIdFor } from './operationKey';

interface Collection<T> {
  value: T[];
  '@odata.nextLink'?: string;
}

export interface BatchRequest {
  id: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Relative to the version, e.g. /users/{id}. */
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface BatchResponse {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/**
 * One GET of a collection for readMany: the path relative to the version (query included) and how each
 * element becomes what the caller gets. Built by the gateway's `*Read` methods, so URLs stay in here.
 */
export interface CollectionRead<T> {
  url: string;
  toValue: (raw: unknown) => T;
}

type ReadAnswers<R extends Record<string, CollectionRead<unknown>>> = {
  [K in keyof R]: R[K] extends CollectionRead<infer T> ? T[] : never;
};

export interface GatewayOptions {
  /** The configured Graph base URL; @odata.nextLink under it is followed as a relative path. */
  baseUrl: string;
  maxRetries: number;
  /** Waits between re-submissions of throttled batch requests (tests shorten it). */
  sleep?: (ms: number) => Promise<void>;
}

export type ListItemFields = Record<string, unknown>;
/** A list item with its fields, as the gateway hands it out. */
export interface ListItemWithFields<F extends ListItemFields = ListItemFields> {
  id: string;
  eTag: string;
  fields: F;
}

const RETRYABLE = new Set([429, 503, 504]);
const BATCH_LIMIT = 20;
const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function encodePathSegment(segment: string): string {
  return encodeURIComponent(segment);
}

/** Every Graph failure leaves the gateway as a GraphRequestError. */
export function toGraphRequestError(error: unknown): GraphRequestError {
  if (error instanceof GraphRequestError) return error;
  if (error instanceof GraphError) {
    const status = error.statusCode > 0 ? error.statusCode : 0;
    return new GraphRequestError(
      status,
      error.code ?? (status ? 'unknownError' : 'networkError'),
      error.requestId ?? undefined,
      error.message,
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return new GraphRequestError(0, 'networkError', undefined, message);
}

function toListItem<F extends ListItemFields>(item: ListItem): ListItemWithFields<F> {
  const fields = { ...(item.fields ?? {}) } as Record<string, unknown>;
  delete fields['@odata.etag'];
  return {
    id: String(item.id),
    eTag: String(item.eTag ?? (item.fields as Record<string, unknown> | undefined)?.['@odata.etag'] ?? ''),
    fields: fields as F,
  };
}

/**
 * The Graph gateway: the only code that knows Graph URLs and payload shapes. One instance per acting
 * identity (a user on-behalf-of, or the app).
 */
export class GraphGateway {
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly client: Client,
    private readonly options: GatewayOptions,
  ) {
    this.sleep = options.sleep ?? defaultSleep;
  }

  private async call<T>(build: () => Promise<T>): Promise<T> {
    try {
      return await build();
    } catch (error) {
      throw toGraphRequestError(error);
    }
  }

  private api(path: string): GraphRequest {
    return this.client.api(path);
  }

  /** Follows @odata.nextLink to the end; the link is used whole, its skip token never parsed. */
  private async getAll<T>(first: GraphRequest): Promise<T[]> {
    const out: T[] = [];
    let page = await this.call(() => first.get() as Promise<Collection<T>>);
    out.push(...page.value);
    while (page['@odata.nextLink']) {
      const next = this.relative(page['@odata.nextLink']);
      page = await this.call(() => this.api(next).get() as Promise<Collection<T>>);
      out.push(...page.value);
    }
    return out;
  }

  /** The client only strips https:// hosts itself; a link under our base URL (http:// locally) is made relative. */
  private relative(link: string): string {
    const base = this.options.baseUrl.replace(/\/+$/, '');
    return link.startsWith(`${base}/`) ? link.slice(base.length) : link;
  }

  // Users

  /** Graph keys users by object id or userPrincipalName only; an e-mail address is not a key (use findUserByMail). */
  getUser(idOrUpn: string): Promise<User> {
    return this.call(() => this.api(`/users/${encodePathSegment(idOrUpn)}`).get() as Promise<User>);
  }

  /** The directory's user whose `mail` is this address (a guest's is their home address, not their UPN). */
  async findUserByMail(mail: string): Promise<User | undefined> {
    const found = await this.call(
      () =>
        this.api('/users')
          .filter(`mail eq ${odataString(mail)}`)
          .select('id,displayName,mail,userPrincipalName,userType')
          .get() as Promise<Collection<User>>,
    );
    return found.value[0];
  }

  me(): Promise<User> {
    return this.call(() => this.api('/me').get() as Promise<User>);
  }

  // Sites, lists, columns, items

  getSiteByPath(hostname: string, serverRelativePath: string): Promise<Site> {
    return this.call(() => this.api(`/sites/${hostname}:${serverRelativePath}`).get() as Promise<Site>);
  }

  listLists(siteId: string): Promise<List[]> {
    return this.getAll<List>(this.api(`/sites/${siteId}/lists`));
  }

  createList(siteId: string, list: List): Promise<List> {
    return this.call(() => this.api(`/sites/${siteId}/lists`).post(list) as Promise<List>);
  }

  listColumns(siteId: string, listId: string): Promise<ColumnDefinition[]> {
    return this.getAll<ColumnDefinition>(this.api(`/sites/${siteId}/lists/${listId}/columns`));
  }

  createColumn(siteId: string, listId: string, column: ColumnDefinition): Promise<ColumnDefinition> {
    return this.call(
      () => this.api(`/sites/${siteId}/lists/${listId}/columns`).post(column) as Promise<ColumnDefinition>,
    );
  }

  updateColumn(siteId: string, listId: string, columnId: string, patch: ColumnDefinition): Promise<ColumnDefinition> {
    return this.call(
      () => this.api(`/sites/${siteId}/lists/${listId}/columns/${columnId}`).patch(patch) as Promise<ColumnDefinition>,
    );
  }

  async listItems<F extends ListItemFields>(
    siteId: string,
    listId: string,
    query: { filter?: ListItemFilter; top?: number } = {},
  ): Promise<ListItemWithFields<F>[]> {
    let request = this.api(`/sites/${siteId}/lists/${listId}/items`).expand('fields');
    if (query.filter) request = request.query({ $filter: encodeURIComponent(listItemFilter(query.filter)) });
    if (query.top) request = request.top(query.top);
    const items = await this.getAll<ListItem>(request);
    return items.map((item) => toListItem<F>(item));
  }

  /**
   * Reads several lists' items in one $batch round trip (each answer's further pages are followed on their
   * own), for use cases that need a few small lists at once.
   */
  async listItemsBatch(
    queries: readonly { siteId: string; listId: string; filter?: ListItemFilter }[],
  ): Promise<ListItemWithFields[][]> {
    const answers = await this.batch(
      queries.map((query, index) => ({
        id: String(index + 1),
        method: 'GET' as const,
        url:
          `/sites/${query.siteId}/lists/${query.listId}/items?$expand=fields` +
          (query.filter ? `&$filter=${encodeURIComponent(listItemFilter(query.filter))}` : ''),
      })),
    );
    return Promise.all(
      answers.map(async (answer) => (await this.collectionOf<ListItem>(answer)).map((item) => toListItem(item))),
    );
  }

  /** A batch answer holding a collection, with its further pages read by ordinary requests. */
  private async collectionOf<T>(answer: BatchResponse): Promise<T[]> {
    if (answer.status !== 200) {
      const error = (answer.body as { error?: { code?: string; message?: string } } | undefined)?.error;
      const requestId = Object.entries(answer.headers ?? {}).find(([k]) => k.toLowerCase() === 'request-id')?.[1];
      throw new GraphRequestError(
        answer.status,
        error?.code ?? 'batchRequestFailed',
        requestId,
        error?.message ?? `Batch answer ${answer.status}`,
      );
    }
    const page = answer.body as Collection<T>;
    const values = [...page.value];
    let next = page['@odata.nextLink'];
    while (next) {
      const link = this.relative(next);
      const more = await this.call(() => this.api(link).get() as Promise<Collection<T>>);
      values.push(...more.value);
      next = more['@odata.nextLink'];
    }
    return values;
  }

  /**
   * Reads several collections in one $batch round trip (inner 429/503/504 re-sent as batch() does; further
   * pages followed with ordinary requests). An inner failure rejects with its GraphRequestError.
   */
  async readMany<R extends Record<string, CollectionRead<unknown>>>(reads: R): Promise<ReadAnswers<R>> {
    const keys = Object.keys(reads);
    const answers = await this.batch(
      keys.map((key, index) => ({ id: String(index + 1), method: 'GET' as const, url: reads[key]!.url })),
    );
    const values = await Promise.all(
      answers.map(async (answer, index) =>
        (await this.collectionOf<unknown>(answer)).map((raw) => reads[keys[index]!]!.toValue(raw)),
      ),
    );
    return Object.fromEntries(keys.map((key, index) => [key, values[index]])) as ReadAnswers<R>;
  }

  /** A list's items with their fields, for readMany (as listItems). */
  listItemsRead<F extends ListItemFields>(
    siteId: string,
    listId: string,
    query: { filter?: ListItemFilter; top?: number } = {},
  ): CollectionRead<ListItemWithFields<F>> {
    return {
      url:
        `/sites/${siteId}/lists/${listId}/items?$expand=fields` +
        (query.filter ? `&$filter=${encodeURIComponent(listItemFilter(query.filter))}` : '') +
        (query.top ? `&$top=${query.top}` : ''),
      toValue: (raw) => toListItem<F>(raw as ListItem),
    };
  }

  /** The team's members, for readMany (as listTeamMembers). */
  teamMembersRead(teamId: string): CollectionRead<ConversationMember> {
    return { url: `/teams/${teamId}/members`, toValue: (raw) => raw as ConversationMember };
  }

  /** The team's channels, for readMany (as listChannels). */
  channelsRead(teamId: string): CollectionRead<Channel> {
    return { url: `/teams/${teamId}/channels`, toValue: (raw) => raw as Channel };
  }

  /** Whether the list holds at least one item: one page of one item, no paging. */
  async hasItems(siteId: string, listId: string): Promise<boolean> {
    const page = await this.call(
      () => this.api(`/sites/${siteId}/lists/${listId}/items`).top(1).get() as Promise<Collection<ListItem>>,
    );
    return page.value.length > 0;
  }

  /** Creates many items through $batch (20 per request, throttled ones re-sent); answers in input order. */
  async createItems<F extends ListItemFields>(
    siteId: string,
    listId: string,
    items: readonly F[],
  ): Promise<BatchResponse[]> {
    return this.batch(
      items.map((fields, index) => ({
        id: String(index + 1),
        method: 'POST' as const,
        url: `/sites/${siteId}/lists/${listId}/items`,
        body: { fields } satisfies ListItem,
      })),
    );
  }

  async getItem<F extends ListItemFields>(
    siteId: string,
    listId: string,
    itemId: string,
  ): Promise<ListItemWithFields<F>> {
    const item = await this.call(
      () =>
        this.api(`/sites/${siteId}/lists/${listId}/items/${encodePathSegment(itemId)}`)
          .expand('fields')
          .get() as Promise<ListItem>,
    );
    return toListItem<F>(item);
  }

  async createItem<F extends ListItemFields>(
    siteId: string,
    listId: string,
    fields: F,
  ): Promise<ListItemWithFields<F>> {
    const item = await this.call(
      () => this.api(`/sites/${siteId}/lists/${listId}/items`).post({ fields } satisfies ListItem) as Promise<ListItem>,
    );
    return toListItem<F>(item);
  }

  /**
   * Updates an item's fields only if it is unchanged since `eTag` was read. A 412 becomes a ConflictError
   * carrying the item as it is now; a write is never silently overwritten.
   */
  async updateItemFields<F extends ListItemFields>(
    siteId: string,
    listId: string,
    itemId: string,
    fields: Partial<F>,
    eTag: string,
  ): Promise<ListItemWithFields<F>> {
    await this.patchFieldsIfMatch<F>(siteId, listId, itemId, fields, eTag);
    // Read back for the item as a whole (its modified-by and -when), not only its fields.
    return this.getItem<F>(siteId, listId, itemId);
  }

  /**
   * As updateItemFields, without reading the item back: the fields answer carries every column and the new
   * `@odata.etag`, which If-Match accepts as the item's. One round trip instead of two.
   */
  async patchItemFields<F extends ListItemFields>(
    siteId: string,
    listId: string,
    itemId: string,
    fields: Partial<F>,
    eTag: string,
  ): Promise<ListItemWithFields<F>> {
    const answer = await this.patchFieldsIfMatch<F>(siteId, listId, itemId, fields, eTag);
    const etag = answer['@odata.etag'];
    if (typeof etag !== 'string') return this.getItem<F>(siteId, listId, itemId);
    return toListItem<F>({ id: itemId, eTag: etag, fields: answer });
  }

  /** PATCH …/fields with If-Match; a 412 becomes a ConflictError carrying the item as it is now. */
  private async patchFieldsIfMatch<F extends ListItemFields>(
    siteId: string,
    listId: string,
    itemId: string,
    fields: Partial<F>,
    eTag: string,
  ): Promise<FieldValueSet & Record<string, unknown>> {
    try {
      return await this.call(
        () =>
          this.api(`/sites/${siteId}/lists/${listId}/items/${encodePathSegment(itemId)}/fields`)
            .header('If-Match', eTag)
            .patch(fields) as Promise<FieldValueSet & Record<string, unknown>>,
      );
    } catch (error) {
      if (error instanceof GraphRequestError && error.status === 412) {
        throw new ConflictError(await this.getItem<F>(siteId, listId, itemId));
      }
      throw error;
    }
  }

  // Teams channels

  listChannels(teamId: string): Promise<Channel[]> {
    return this.getAll<Channel>(this.api(`/teams/${teamId}/channels`));
  }

  /** Creates a channel unless one of that name exists; Graph's name conflict counts as "already there". */
  async ensureChannel(teamId: string, channel: Channel): Promise<{ channel: Channel; created: boolean }> {
    const name = (channel.displayName ?? '').toLowerCase();
    const existing = (await this.listChannels(teamId)).find((c) => (c.displayName ?? '').toLowerCase() === name);
    if (existing) return { channel: existing, created: false };
    try {
      const created = await this.call(() => this.api(`/teams/${teamId}/channels`).post(channel) as Promise<Channel>);
      return { channel: created, created: true };
    } catch (error) {
      if (error instanceof GraphRequestError && error.status === 409) {
        const again = (await this.listChannels(teamId)).find((c) => (c.displayName ?? '').toLowerCase() === name);
        if (again) return { channel: again, created: false };
      }
      throw error;
    }
  }

  listChannelMembers(teamId: string, channelId: string): Promise<ConversationMember[]> {
    return this.getAll<ConversationMember>(this.api(`/teams/${teamId}/channels/${channelId}/members`));
  }

  addChannelMember(teamId: string, channelId: string, userId: string, owner = false): Promise<ConversationMember> {
    const member: AadUserConversationMember & { '@odata.type': string; 'user@odata.bind': string } = {
      '@odata.type': '#microsoft.graph.aadUserConversationMember',
      roles: owner ? ['owner'] : [],
      'user@odata.bind': `${this.options.baseUrl}/users('${encodePathSegment(userId)}')`,
    };
    return this.call(
      () => this.api(`/teams/${teamId}/channels/${channelId}/members`).post(member) as Promise<ConversationMember>,
    );
  }

  // Teams: team membership, channel lifecycle and tabs (working groups)

  /** Teams the signed-in user belongs to (delegated only). */
  joinedTeams(): Promise<Team[]> {
    return this.getAll<Team>(this.api('/me/joinedTeams'));
  }

  listTeamMembers(teamId: string): Promise<ConversationMember[]> {
    return this.getAll<ConversationMember>(this.api(`/teams/${teamId}/members`));
  }

  /** Adds a person to the team: as a member, or with the guest role for people of other organisations. */
  addTeamMember(teamId: string, userId: string, guest: boolean): Promise<ConversationMember> {
    return this.call(
      () =>
        this.api(`/teams/${teamId}/members`).post(
          this.conversationMember(userId, guest ? ['guest'] : []),
        ) as Promise<ConversationMember>,
    );
  }

  /** The team's channel of that name, compared as Teams compares names (case-insensitively). */
  async findChannelByName(teamId: string, displayName: string): Promise<Channel | undefined> {
    const name = displayName.toLowerCase();
    return (await this.listChannels(teamId)).find((c) => (c.displayName ?? '').toLowerCase() === name);
  }

  getChannel(teamId: string, channelId: string): Promise<Channel> {
    return this.call(
      () => this.api(`/teams/${teamId}/channels/${encodePathSegment(channelId)}`).get() as Promise<Channel>,
    );
  }

  /**
   * Creates a channel. Standard and private channels answer 201 with the channel; a shared one answers 202
   * with the operation in Content-Location, which is followed to the new channel's id (no webUrl then).
   */
  async createChannel(teamId: string, channel: Channel): Promise<Channel> {
    const response = await this.call(
      () => this.api(`/teams/${teamId}/channels`).responseType(ResponseType.RAW).post(channel) as Promise<Response>,
    );
    if (!response.ok) throw await rawError(response);
    if (response.status !== 202) return (await response.json()) as Channel;
    const location = response.headers.get('content-location') ?? response.headers.get('location');
    if (!location)
      throw new GraphRequestError(502, 'missingOperation', undefined, 'Channel creation gave no operation');
    for (let attempt = 0; ; attempt += 1) {
      const operation = await this.call(() => this.api(this.relative(location)).get() as Promise<TeamsAsyncOperation>);
      // The creator need not be a member of the channel it made, so the answer is built, not read back.
      if (operation.status === 'succeeded' && operation.targetResourceId) {
        const { members: _members, ...created } = channel;
        return { ...created, id: operation.targetResourceId };
      }
      if (operation.status === 'failed' || attempt >= this.options.maxRetries)
        throw new GraphRequestError(
          502,
          operation.error?.code ?? 'operationFailed',
          undefined,
          'Channel creation failed',
        );
      await this.sleep(Math.min(2 ** attempt, 30) * 1000);
    }
  }

  /** Archives a channel (read-only, nothing deleted); Graph answers 202 and finishes on its own. */
  async archiveChannel(teamId: string, channelId: string): Promise<void> {
    await this.call(
      () =>
        this.api(`/teams/${teamId}/channels/${encodePathSegment(channelId)}/archive`).post({
          shouldSetSpoSiteReadOnlyForMembers: true,
        }) as Promise<unknown>,
    );
  }

  removeChannelMember(teamId: string, channelId: string, membershipId: string): Promise<void> {
    return this.call(
      () =>
        this.api(
          `/teams/${teamId}/channels/${encodePathSegment(channelId)}/members/${encodePathSegment(membershipId)}`,
        ).delete() as Promise<void>,
    );
  }

  /** Pins a tab of this app in a channel (contentUrl is what the tab shows). */
  addChannelTab(
    teamId: string,
    channelId: string,
    tab: { displayName: string; teamsAppId: string; entityId: string; contentUrl: string; websiteUrl: string },
  ): Promise<TeamsTab> {
    const body: TeamsTab & { 'teamsApp@odata.bind': string } = {
      displayName: tab.displayName,
      'teamsApp@odata.bind': `${this.options.baseUrl}/appCatalogs/teamsApps/${encodePathSegment(tab.teamsAppId)}`,
      configuration: { entityId: tab.entityId, contentUrl: tab.contentUrl, websiteUrl: tab.websiteUrl },
    };
    return this.call(
      () => this.api(`/teams/${teamId}/channels/${encodePathSegment(channelId)}/tabs`).post(body) as Promise<TeamsTab>,
    );
  }

  listChannelTabs(teamId: string, channelId: string): Promise<TeamsTab[]> {
    return this.getAll<TeamsTab>(this.api(`/teams/${teamId}/channels/${encodePathSegment(channelId)}/tabs`));
  }

  /** A conversationMember body binding a user (for channel creation's `members` and member adds). */
  conversationMember(userId: string, roles: string[]) {
    const member: AadUserConversationMember & { '@odata.type': string; 'user@odata.bind': string } = {
      '@odata.type': '#microsoft.graph.aadUserConversationMember',
      roles,
      'user@odata.bind': `${this.options.baseUrl}/users('${encodePathSegment(userId)}')`,
    };
    return member;
  }

  // Calendar

  /** Creates an event; the transactionId derived from `operationKey` makes a retried POST idempotent. */
  createEvent(organizer: string, event: Event, operationKey: string): Promise<Event> {
    const body: Event = { ...event, transactionId: transactionIdFor(operationKey) };
    return this.call(() => this.api(`/users/${encodePathSegment(organizer)}/events`).post(body) as Promise<Event>);
  }

  getEvent(organizer: string, eventId: string): Promise<Event> {
    return this.call(
      () =>
        this.api(`/users/${encodePathSegment(organizer)}/events/${encodePathSegment(eventId)}`).get() as Promise<Event>,
    );
  }

  /** Changes an event as its organizer; Graph sends the attendees the update. */
  updateEvent(organizer: string, eventId: string, patch: Event): Promise<Event> {
    return this.call(
      () =>
        this.api(`/users/${encodePathSegment(organizer)}/events/${encodePathSegment(eventId)}`).patch(
          patch,
        ) as Promise<Event>,
    );
  }

  /** Cancels a meeting as its organizer; every attendee gets the cancellation with the comment. */
  async cancelEvent(organizer: string, eventId: string, comment: string): Promise<void> {
    await this.call(
      () =>
        this.api(`/users/${encodePathSegment(organizer)}/events/${encodePathSegment(eventId)}/cancel`).post({
          Comment: comment,
        }) as Promise<unknown>,
    );
  }

  async getSchedule(
    userId: string,
    request: {
      schedules: string[];
      startTime: Event['start'];
      endTime: Event['end'];
      availabilityViewInterval?: number;
    },
  ): Promise<ScheduleInformation[]> {
    const answer = await this.call(
      () =>
        this.api(`/users/${encodePathSegment(userId)}/calendar/getSchedule`).post(request) as Promise<
          Collection<ScheduleInformation>
        >,
    );
    return answer.value;
  }

  findMeetingTimes(userId: string, request: Record<string, unknown>): Promise<MeetingTimeSuggestionsResult> {
    return this.call(
      () =>
        this.api(`/users/${encodePathSegment(userId)}/findMeetingTimes`).post(
          request,
        ) as Promise<MeetingTimeSuggestionsResult>,
    );
  }

  // $batch

  /**
   * Sends requests in batches of 20. Inner answers of 429/503/504 are sent again after their Retry-After,
   * which the client's RetryHandler does not do (it sees only the outer 200).
   */
  async batch(requests: BatchRequest[]): Promise<BatchResponse[]> {
    const answers = new Map<string, BatchResponse>();
    let pending = requests;
    for (let round = 0; pending.length > 0; round += 1) {
      const retry: BatchRequest[] = [];
      let waitSeconds = 0;
      for (let start = 0; start < pending.length; start += BATCH_LIMIT) {
        const chunk = pending.slice(start, start + BATCH_LIMIT);
        const body = await this.call(
          () =>
            this.api('/$batch').post({
              requests: chunk.map((r) => ({
                ...r,
                headers: r.body !== undefined ? { 'Content-Type': 'application/json', ...r.headers } : r.headers,
              })),
            }) as Promise<{ responses: BatchResponse[] }>,
        );
        for (const answer of body.responses) {
          if (RETRYABLE.has(answer.status) && round < this.options.maxRetries) {
            const request = chunk.find((r) => r.id === answer.id);
            if (request) retry.push(request);
            waitSeconds = Math.max(waitSeconds, retryAfterSeconds(answer.headers, round));
          } else {
            answers.set(answer.id, answer);
          }
        }
      }
      pending = retry;
      if (pending.length > 0) await this.sleep(waitSeconds * 1000);
    }
    return requests.map((r) => answers.get(r.id) ?? { id: r.id, status: 0 });
  }
}

function retryAfterSeconds(headers: Record<string, string> | undefined, round: number): number {
  const raw = Object.entries(headers ?? {}).find(([k]) => k.toLowerCase() === 'retry-after')?.[1];
  const seconds = raw === undefined ? NaN : Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds, 180);
  return Math.min(2 ** round, 30);
}

/** A RAW answer that failed, as the gateway's one error type. */
async function rawError(response: Response): Promise<GraphRequestError> {
  let code = 'unknownError';
  let message = `Graph answered ${response.status}`;
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string } };
    code = body.error?.code ?? code;
    message = body.error?.message ?? message;
  } catch {
    // No JSON body: the status says enough.
  }
  return new GraphRequestError(response.status, code, response.headers.get('request-id') ?? undefined, message);
}
