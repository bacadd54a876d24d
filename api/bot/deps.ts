import type { ILogger } from '@microsoft/teams.common';
import type {
  Activity,
  AgreedException,
  AssignmentStatus,
  IsoDate,
  Meeting,
  MeetingGroup,
  Organisation,
  Person,
  Samverkansomrade,
  StatusReport,
  VoteValue,
} from '../../src/domain';
import type { ConversationStore, IdempotencyStore } from '../state/store';
import type {
  AgendaCardInput,
  AssignmentsCardInput,
  MeetingWithAnswers,
  PollCardInput,
  ProtocolApprovalCardInput,
  TabLinks,
} from '../cards/cards';
import type { Clock } from '../services/ports';

/** What the bot needs from the rest of the server; the composition root implements it with real services. */

export type BotMode = 'local' | 'tenant';

/** ClientSecret: the bot's app id and secret; UserAssignedMSI: the app id of a user-assigned managed identity. */
export type BotAuthType = 'ClientSecret' | 'UserAssignedMSI';

export interface BotCredentials {
  /** 'ClientSecret' when left out. */
  authType?: BotAuthType;
  clientId?: string;
  clientSecret?: string;
  /** The managed identity's client id (UserAssignedMSI); the bot's app id when the identity is the bot. */
  managedIdentityClientId?: string;
  tenantId?: string;
}

export interface BotConfig {
  mode: BotMode;
  credentials?: BotCredentials;
  /** Where the Bot Framework user-token service lives; locally anything that answers fast (e.g. the local tenant). */
  oauthUrl?: string;
  /** Bearer token for outgoing Bot Framework calls when no client secret is configured (the local tenant's connector). */
  botToken?: () => Promise<string>;
  /**
   * The tenants whose activities the bot answers (ALLOWED_TENANT_IDS and the organisations file); an activity
   * naming another tenant is refused with 403 before the SDK sees it. Unset: no check (unit tests).
   */
  allowedTenantIds?: readonly string[];
  /** Path of the messaging endpoint; `/api/messages` unless the server says otherwise. */
  messagingEndpoint?: `/${string}`;
}

export interface ActivityFilter {
  year?: number;
  /** 1–12 */
  month?: number;
  area?: Samverkansomrade;
}

export interface OutcomeBooking {
  amountOre: number;
  /** The budget line's id or name, possibly followed by the booking's text. */
  line: string;
  date: IsoDate;
  by: Person;
}

export type BookedOutcome =
  | {
      ok: true;
      lineName: string;
      amountOre: number;
      date: IsoDate;
      text?: string;
      lineOutcomeOre: number;
      lineBudgetOre: number;
    }
  | { ok: false; problem: string };

export interface NewsRecord {
  text: string;
  by: Person;
  postedAt: Date;
  /** Id of the channel message the bot posted, when the connector returned one. */
  messageId?: string;
}

// The conversation references are server state (api/state), shared with the timed jobs.
export type { ConversationStore, StoredConversation } from '../state/store';

export interface BotDeps {
  config: BotConfig;
  clock: Clock;
  conversations: ConversationStore;
  findPersonByAadObjectId(aadObjectId: string): Promise<Person | undefined>;
  listPeople(): Promise<Person[]>;
  listOrganisations(): Promise<Organisation[]>;
  /** Planned meetings starting at or after `from`, soonest first, with the invitation answers so far. */
  upcomingMeetings(from: Date): Promise<MeetingWithAnswers[]>;
  /**
   * The next called meeting (not yet ended, not cancelled) of `group`, or of the groups `by` sits in, with its
   * dagordning as sent. Optional for doubles.
   */
  nextAgenda?(input: { group?: MeetingGroup; by: Person; from: Date }): Promise<AgendaCardInput | undefined>;
  /**
   * The ekonomisk lägesrapport for a year as of a date (the domain's statusReport over the budget lists), with the
   * year's agreed exceptions (kostnadsundantag, #17).
   */
  budgetStatus(year: number, asOf: IsoDate): Promise<StatusReport & { exceptions?: AgreedException[] }>;
  listActivities(filter: ActivityFilter): Promise<Activity[]>;
  /**
   * Books an outcome (`utfall`) on the line of `year` that `line` names (its id or name; words after the name
   * are the booking's text). Optional so that test doubles without an economy still satisfy BotDeps.
   */
  bookOutcome?(input: OutcomeBooking): Promise<BookedOutcome>;
  /** Records a news item the bot has posted (the register); posting itself is the bot's. */
  recordNews(news: NewsRecord): Promise<void>;
  /**
   * Sends stödgruppen's kallelse from the sender's calendar (the same key makes no second invitation).
   * Optional so that test doubles without the meetings register still satisfy BotDeps.
   */
  conveneStodgrupp?(input: ConveneInput): Promise<ConveneResult>;
  /** A vote from the date poll card, as the sender; answers with the poll as it now stands. Optional for doubles. */
  votePoll?(input: PollVoteInput): Promise<CardOutcome<PollCardInput>>;
  /** A justerare approves from the justering card, as the sender. Optional for doubles. */
  approveProtocol?(input: {
    meetingId: string;
    /** The version the card showed; absent on a card older than the versions. */
    version?: number;
    by: Person;
  }): Promise<CardOutcome<ProtocolApprovalCardInput>>;
  /**
   * The sender's open uppdrag (their own and their arbetsgruppers'), or for the samordnare every open one,
   * as the `uppdrag` card shows them. Optional for doubles.
   */
  listAssignments?(by: Person): Promise<AssignmentsCardInput>;
  /**
   * The uppdrag card's form, as the sender, with the ETag the card carried: a conflict answers with the card as
   * it now stands and a notice, not an error. Optional for doubles.
   */
  updateAssignment?(input: AssignmentUpdateInput): Promise<CardOutcome<AssignmentsCardInput>>;
  /** Arbetsgrupper, active first. Optional so that test doubles without the register still satisfy BotDeps. */
  listWorkingGroups?(): Promise<WorkingGroupSummary[]>;
  /** Where card buttons open the tab: Teams deep links in tenant mode, the local tab locally (cards/links.ts). */
  tabLinks?: TabLinks;
  /** The tab's Arbetsgrupper page, where the coordinator appoints (the channel is made in their name). */
  workingGroupsPageUrl?: string;
  /**
   * Exactly once per activity: Teams re-delivers an activity (same id) it got no answer to in time, and a
   * card's button may be pressed twice; the first reply is kept and answered again (api/state/once.ts).
   */
  idempotency?: IdempotencyStore;
  logger?: ILogger;
}

export interface PollVoteInput {
  pollId: string;
  /** Per candidate (`k1`…): ja, om-det-behövs or nej. */
  choices: Record<string, VoteValue>;
  by: Person;
}

export interface AssignmentUpdateInput {
  assignmentId: string;
  /** The uppdrag's ETag when the card was made (If-Match). */
  etag: string;
  status: AssignmentStatus;
  report?: string;
  by: Person;
}

/** What a card action led to: the card's new content, or why it was refused (shown as an error card). */
export type CardOutcome<T> = { ok: true; card: T } | { ok: false; problem: string };

export interface WorkingGroupSummary {
  name: string;
  status: 'aktiv' | 'avslutad';
  syfte: string;
  members: { displayName: string; convener: boolean }[];
  period: { start: string; end?: string };
  channelUrl?: string;
}

export interface ConveneInput {
  date: IsoDate;
  startTime: string;
  endTime: string;
  by: Person;
  /** Idempotency: the same key sends no second invitation. */
  key: string;
}

export type ConveneResult = { ok: true; meeting: Meeting; created: boolean } | { ok: false; problem: string };
