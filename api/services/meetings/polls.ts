import { z } from 'zod';
import {
  DomainRuleError,
  MEETING_GROUPS,
  POLL_STATUSES,
  SEASONS,
  VOTE_VALUES,
  castVote,
  createPoll,
  rankCandidates,
  requireAnyRole,
  requireRole,
  tally,
  type CandidateTally,
  type MeetingGroup,
  type Organisation,
  type Poll,
  type PollCandidate,
  type PollStatus,
  type PollVote,
  type Season,
} from '../../../src/domain';
import type { ListItemWithFields } from '../../graph/gateway';
import { eq } from '../../graph/odata';

import { PLAN_ACTIONS, planAction, type Acting } from './service';
import { jsonColumn, type FieldsOf, type ListItemsApi, type ListStores } from '../lists';
import { pollRequestSchema, voteRequestSchema } from '../../../src/contract';
import { systemClock, type Clock } from '../ports';

type PollFields = FieldsOf<'polls'>;

type VoteFields = FieldsOf<'pollVotes'>;

export interface PollView {
  id: string;
  group: MeetingGroup;
  year: number;
  season?: Season;
  status: PollStatus;
  deadline: string;
  createdByEmail?: string;
  outsideWindowReason?: string;
  candidates: PollCandidate[];
  /** Per candidate in time order: ja / om det behövs / nej and the kommuner covered. */
  tally: CandidateTally[];
  /** The best candidate so far, when anyone has voted. */
  best?: CandidateTally;
  voters: number;
  myChoices?: PollVote['choices'];
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

const candidatesSchema = z.array(
  z.object({
    id: z.string(),
    start: z.string(),
    end: z.string(),
    date: z.string(),
    startTime: z.string(),
    endTime: z.string(),
    label: z.string(),
    warnings: z.array(z.string()),
  }),
);
const choicesSchema = z.record(z.string(), z.enum(VOTE_VALUES));
const candidatesColumn = jsonColumn(candidatesSchema, []);
const choicesColumn = jsonColumn(choicesSchema, {});

/**
 * Date polls: the fallback when findMeetingTimes cannot see the guests' calendars. Polls and votes are
 * list items (Omröstningar, Röster), so they are allmänna handlingar like the rest.
 */
export class MeetingPolls {
  constructor(
    private readonly lists: Pick<ListStores, 'polls' | 'pollVotes'>,
    private readonly organisations: readonly Organisation[],
    private readonly clock: Clock = systemClock,
  ) {}

  async create(gateway: ListItemsApi, caller: Acting, input: unknown): Promise<PollView> {
    // Polling prepares the meeting: the samordnare may for samverkansgruppen too; the convener calls it.
    requireAnyRole(caller.roles, PLAN_ACTIONS, caller);
    const request = pollRequestSchema.parse(input);
    requireRole(caller.roles, planAction(request.group), caller);
    const poll = createPoll({
      id: 'ny',
      meetingGroup: request.group,
      candidates: request.candidates,
      deadline: request.deadline,
      ...(request.outsideWindowReason ? { outsideWindowReason: request.outsideWindowReason } : {}),
    });
    const item = await this.lists.polls.create(gateway, {
      Title: `Datumomröstning ${request.group === 'samverkansgrupp' ? 'samverkansgruppen' : 'stödgruppen'} ${request.year}`,
      MeetingGroup: request.group,
      Year: request.year,
      ...(request.season ? { Season: request.season } : {}),
      Candidates: candidatesColumn.write(poll.candidates),
      Deadline: poll.deadline,
      ...(poll.outsideWindowReason ? { OutsideWindowReason: poll.outsideWindowReason } : {}),
      Status: 'oppen',
      CreatedByEmail: caller.person.email,
    });
    return this.view(item, [], caller.person.email);
  }

  async list(gateway: ListItemsApi): Promise<Omit<PollView, 'tally' | 'best' | 'voters' | 'myChoices'>[]> {
    const items = await this.lists.polls.find(gateway);
    return items
      .map((item) => this.base(item))
      .filter((poll): poll is NonNullable<typeof poll> => poll !== undefined)
      .sort((a, b) => b.deadline.localeCompare(a.deadline));
  }

  async get(gateway: ListItemsApi, caller: Acting, pollId: string): Promise<PollView> {
    const [item, votes] = await Promise.all([this.pollItem(gateway, pollId), this.voteItems(gateway, pollId)]);
    return this.view(item, votes, caller.person.email);
  }

  /** Records the caller's vote; voting again replaces the earlier vote. */
  async vote(gateway: ListItemsApi, caller: Acting, pollId: string, input: unknown): Promise<PollView> {
    const request = voteRequestSchema.parse(input);
    const [item, votes] = await Promise.all([this.pollItem(gateway, pollId), this.voteItems(gateway, pollId)]);
    const base = this.base(item);
    if (!base) throw new DomainRuleError('POLL_UNREADABLE', 'Omröstningen kunde inte läsas.');
    if (base.status === 'stangd') throw new DomainRuleError('POLL_CLOSED', 'Omröstningen är stängd.');
    const poll = this.domainPoll(base, votes);
    const next = castVote(poll, caller.person.email, request.choices, {
      organisationId: caller.person.organisationId,
      at: this.clock.now().toISOString(),
    });
    const mine = next.votes.find((vote) => vote.personId === caller.person.email) as PollVote;
    const existing = votes.find((vote) => text(vote.fields.PersonEmail) === caller.person.email);
    const fields: VoteFields = {
      Title: caller.person.displayName,
      PollId: pollId,
      PersonEmail: caller.person.email,
      OrganisationId: caller.person.organisationId,
      Choices: choicesColumn.write(mine.choices),
      CastAt: mine.castAt,
    };
    if (existing) await this.lists.pollVotes.update(gateway, existing.id, existing.eTag, fields);
    // The vote's natural key (poll, person): a create Graph did after the client gave up is found, not doubled.
    else await this.lists.pollVotes.createOnce(gateway, fields, `vote:${pollId}:${caller.person.email}`);
    return this.get(gateway, caller, pollId);
  }

  /** Closes the poll once a time is picked; votes after that are refused. */
  async close(gateway: ListItemsApi, caller: Acting, pollId: string): Promise<PollView> {
    const item = await this.pollItem(gateway, pollId);
    const base = this.base(item);
    if (!base) throw new DomainRuleError('POLL_UNREADABLE', 'Omröstningen kunde inte läsas.');
    requireRole(caller.roles, planAction(base.group), caller);
    await this.lists.polls.update(gateway, pollId, item.eTag, { Status: 'stangd' });
    return this.get(gateway, caller, pollId);
  }

  private async pollItem(gateway: ListItemsApi, pollId: string) {
    return this.lists.polls.get(gateway, pollId);
  }

  private async voteItems(gateway: ListItemsApi, pollId: string) {
    return this.lists.pollVotes.find(gateway, eq('PollId', pollId));
  }

  private base(item: ListItemWithFields<PollFields>) {
    const f = item.fields;
    const group = MEETING_GROUPS.find((g) => g === f.MeetingGroup);
    const deadline = text(f.Deadline);
    if (!group || !deadline) return undefined;
    const season = SEASONS.find((s) => s === f.Season);
    const reason = text(f.OutsideWindowReason);
    const createdBy = text(f.CreatedByEmail);
    return {
      id: item.id,
      group,
      year: typeof f.Year === 'number' ? f.Year : Number(deadline.slice(0, 4)),
      ...(season ? { season } : {}),
      status: POLL_STATUSES.find((s) => s === f.Status) ?? 'oppen',
      deadline: new Date(deadline).toISOString().replace('.000Z', 'Z'),
      ...(createdBy ? { createdByEmail: createdBy } : {}),
      ...(reason ? { outsideWindowReason: reason } : {}),
      candidates: candidatesColumn.read(f.Candidates),
    };
  }

  private domainPoll(
    base: NonNullable<ReturnType<MeetingPolls['base']>>,
    votes: ListItemWithFields<VoteFields>[],
  ): Poll {
    return {
      id: base.id,
      meetingGroup: base.group,
      candidates: base.candidates,
      deadline: base.deadline,
      ...(base.outsideWindowReason ? { outsideWindowReason: base.outsideWindowReason } : {}),
      votes: votes.map((vote) => ({
        personId: text(vote.fields.PersonEmail) ?? vote.id,
        organisationId: text(vote.fields.OrganisationId) ?? '',
        choices: choicesColumn.read(vote.fields.Choices),
        castAt: text(vote.fields.CastAt) ?? '',
      })),
    };
  }

  private view(item: ListItemWithFields<PollFields>, votes: ListItemWithFields<VoteFields>[], me: string): PollView {
    const base = this.base(item);
    if (!base) throw new DomainRuleError('POLL_UNREADABLE', 'Omröstningen kunde inte läsas.');
    const poll = this.domainPoll(base, votes);
    const mine = poll.votes.find((vote) => vote.personId === me);
    const best = poll.votes.length > 0 ? rankCandidates(poll, this.organisations)[0] : undefined;
    return {
      ...base,
      tally: tally(poll, this.organisations),
      ...(best ? { best } : {}),
      voters: poll.votes.length,
      ...(mine ? { myChoices: mine.choices } : {}),
    };
  }
}
