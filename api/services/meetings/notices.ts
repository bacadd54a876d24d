import type { IAdaptiveCard } from '@microsoft/teams.cards';
import {
  DomainRuleError,
  MEETING_GROUP_LABELS,
  formatDateSv,
  requireRole,
  toIsoDate,
  type Organisation,
} from '../../../src/domain';
import { pollCard, type PollCardInput, type ProtocolApprovalCardInput } from '../../cards/cards';
import {
  systemClock,
  type Clock,
  type Logger,
  type MentionEntity,
  type ProactiveMessage,
  type ProactiveResult,
  type ProactiveSender,
} from '../ports';
import type { GraphGateway } from '../../graph/gateway';
import type { ConversationStore, ServerStateStore } from '../../state/store';
import type { ContactRecord } from '../contacts';
import { kallaAction, type Acting, type MeetingsService } from './service';
import type { PollView } from './polls';
import type { ApprovalOutcome, ProtocolView } from './protocolRecord';
import { approvalAnswer, approvalCardInput, sendApprovalCards, type CardPlace } from './approvalNotices';

/** Where the meetings feature writes in Teams: the General channel, or a person's chat with the bot. */
export interface MeetingsPoster {
  postCardToGeneral(card: IAdaptiveCard, summary: string): Promise<ProactiveResult>;
  postMessageToGeneral(message: ProactiveMessage): Promise<ProactiveResult>;
  /** Undefined when the person has no chat with the bot yet (a bot cannot start one with a guest reliably). */
  sendCardToPerson(userAadObjectId: string, card: IAdaptiveCard, summary: string): Promise<ProactiveResult | undefined>;
}

export class NotInTeamError extends DomainRuleError {
  constructor() {
    super('BOT_NOT_IN_TEAM', 'Appen är inte installerad i samverkans team ännu, så boten hittar ingen kanal Allmänt.');
  }
}

/** The poster over the bot's proactive sender and the conversation references it stored. */
export function botMeetingsPoster(
  sender: ProactiveSender,
  conversations: Pick<ConversationStore, 'findTeamGeneral' | 'findPersonal'>,
  teamId?: string,
): MeetingsPoster {
  const general = async () => {
    const conversation = await conversations.findTeamGeneral(teamId);
    if (!conversation) throw new NotInTeamError();
    return conversation;
  };
  return {
    async postCardToGeneral(card, summary) {
      return sender.sendCard(await general(), card, summary);
    },
    async postMessageToGeneral(message) {
      return sender.sendMessage(await general(), message);
    },
    async sendCardToPerson(userAadObjectId, card, summary) {
      const personal = await conversations.findPersonal(userAadObjectId);
      return personal ? sender.sendCard(personal, card, summary) : undefined;
    },
  };
}

export interface ReminderResult {
  posted: boolean;
  /** Already posted today for this meeting: nothing new was sent. */
  already: boolean;
  mentioned: string[];
  listed: string[];
  messageId?: string;
}

export interface AnnounceResult {
  posted: boolean;
  problem?: string;
}

/** "Anna Sjöberg" as a Teams mention: the text and the entity must match exactly. */
function mention(name: string, objectId: string): MentionEntity {
  return { type: 'mention', text: `<at>${name}</at>`, mentioned: { id: objectId, name } };
}

/**
 * The meetings feature in Teams: the date poll as a card in the General channel, the reminder to those who
 * have not answered, and the justering cards. Posting is best effort where the tab has done the real work
 * (a poll exists whether or not the card went out); the reminder is the action itself and reports failure.
 */
export class MeetingNotices {
  private poster?: MeetingsPoster;

  constructor(
    private readonly meetings: MeetingsService,
    private readonly state: ServerStateStore,
    private readonly organisations: readonly Organisation[],
    private readonly options: { teamId?: string; logger?: Logger; clock?: Clock } = {},
  ) {}

  /** Wired by the server once the bot is mounted. */
  usePoster(poster: MeetingsPoster): void {
    this.poster = poster;
  }

  private requirePoster(): MeetingsPoster {
    if (!this.poster) throw new NotInTeamError();
    return this.poster;
  }

  private now(): Date {
    return (this.options.clock ?? systemClock).now();
  }

  private organisationName(id: string | undefined): string {
    return this.organisations.find((org) => org.id === id)?.name ?? 'okänd organisation';
  }

  // ------------------------------------------------------------------ date poll

  pollCardInput(view: PollView, notice?: string): PollCardInput {
    const open = view.status === 'oppen' && this.now().toISOString() <= view.deadline;
    return {
      pollId: view.id,
      title: `Datumomröstning – ${MEETING_GROUP_LABELS[view.group].sv} ${view.year}`,
      deadline: view.deadline,
      open,
      voters: view.voters,
      candidates: view.tally.map((row) => ({
        id: row.candidate.id,
        label: row.candidate.label,
        ja: row.ja,
        omDetBehovs: row.omDetBehovs,
        nej: row.nej,
        kommunerCovered: row.kommunerCovered,
        kommunerTotal: row.kommunerTotal,
      })),
      ...(view.myChoices ? { myChoices: view.myChoices } : {}),
      ...(notice ? { notice } : {}),
    };
  }

  /** Posts a new poll's card in the General channel; the poll stands even if Teams cannot be reached. */
  async announcePoll(view: PollView): Promise<AnnounceResult> {
    try {
      const input = this.pollCardInput(view);
      await this.requirePoster().postCardToGeneral(pollCard(input), `${input.title}: svara senast ${view.deadline}`);
      return { posted: true };
    } catch (error) {
      this.options.logger?.warn({ err: error, pollId: view.id }, 'poll card not posted');
      return { posted: false, problem: error instanceof DomainRuleError ? error.message : 'Kanalen svarade inte.' };
    }
  }

  // ------------------------------------------------------------------ reminder

  /**
   * Reminds those who have not answered the kallelse, in the General channel: Teams members are @mentioned,
   * the others (guests without Teams, people outside the team) are listed with their organisation. At most
   * once per meeting and day, however often the button is pressed.
   */
  async remind(gateway: GraphGateway, app: GraphGateway, caller: Acting, meetingId: string): Promise<ReminderResult> {
    const record = await this.meetings.get(gateway, meetingId);
    requireRole(caller.roles, kallaAction(record.group), {
      meetingGroup: record.group,
      appointedConvener: caller.appointedConvener,
    });
    if (record.status !== 'planerat') {
      throw new DomainRuleError('MEETING_NOT_PLANNED', 'Påminnelser skickas bara för planerade möten.');
    }
    const key = `meeting-reminder:${meetingId}:${toIsoDate(this.now())}`;
    const earlier = await this.state.getOperation(key);
    if (earlier && earlier.status !== 'failed') {
      return {
        posted: false,
        already: true,
        mentioned: stringList(earlier.detail?.mentioned),
        listed: stringList(earlier.detail?.listed),
      };
    }
    const people = await this.meetings.people(gateway);
    const view = await this.meetings.answersFor(app, record, people);
    if (view.notAnswered.length === 0) {
      return { posted: false, already: false, mentioned: [], listed: [] };
    }
    const poster = this.requirePoster();
    await this.state.recordOperation(key, 'started');
    try {
      const teamMembers = await this.teamMemberIds(gateway, app);
      const byEmail = new Map(people.map((person) => [person.email, person]));
      const mentions: MentionEntity[] = [];
      const listed: string[] = [];
      for (const answer of view.notAnswered) {
        const contact = byEmail.get(answer.email);
        const objectId = contact?.entraObjectId;
        if (objectId && teamMembers.has(objectId)) mentions.push(mention(answer.displayName, objectId));
        else listed.push(`${answer.displayName} (${this.organisationName(answer.organisationId)})`);
      }
      const when = `${formatDateSv(record.date)} kl. ${record.startTime}–${record.endTime}`;
      const lines = [
        `**Påminnelse:** svara gärna på kallelsen till ${record.title}, ${when}, så att vi vet vilka kommuner som är representerade.`,
        ...(mentions.length > 0 ? [`Har inte svarat: ${mentions.map((m) => m.text).join(', ')}`] : []),
        ...(listed.length > 0 ? [`Har inte svarat (utan Teams i samverkans team): ${listed.join(', ')}`] : []),
      ];
      const sent = await poster.postMessageToGeneral({
        text: lines.join('\n\n'),
        entities: mentions,
        summary: `Påminnelse: svara på kallelsen till ${record.title}`,
      });
      const result = {
        posted: true,
        already: false,
        mentioned: mentions.map((m) => m.mentioned.name),
        listed,
        ...(sent.activityId ? { messageId: sent.activityId } : {}),
      };
      await this.state.recordOperation(key, 'succeeded', {
        mentioned: result.mentioned,
        listed,
        ...(sent.activityId ? { messageId: sent.activityId } : {}),
      });
      return result;
    } catch (error) {
      await this.state.recordOperation(key, 'failed');
      throw error;
    }
  }

  /** The team's members by Entra id; without TEAM_ID the caller's one team (the local tenant has one). */
  private async teamMemberIds(user: GraphGateway, app: GraphGateway): Promise<Set<string>> {
    let teamId = this.options.teamId;
    if (!teamId) {
      const teams = await user.joinedTeams();
      teamId = teams.length === 1 ? (teams[0]?.id ?? undefined) : undefined;
    }
    if (!teamId) return new Set();
    const members = await app.listTeamMembers(teamId);
    return new Set(
      members
        .map((member) => (member as { userId?: string | null }).userId)
        .filter((id): id is string => typeof id === 'string' && id !== ''),
    );
  }

  // ------------------------------------------------------------------ justering

  /** The approval card's content; the button only for `reader` when it is their turn (approvalNotices.ts). */
  approvalCardInput(
    meeting: { id: string; title: string; date: string },
    view: ProtocolView,
    people: readonly ContactRecord[],
    options: { reader?: string; notice?: string } = {},
  ): ProtocolApprovalCardInput {
    return approvalCardInput(meeting, view, people, options);
  }

  /** The answer to a press of the approval card: the card as the protokoll now is (#15). */
  approvalAnswer(
    meeting: { id: string; title: string; date: string },
    result: { view: ProtocolView; outcome: ApprovalOutcome },
    people: readonly ContactRecord[],
    reader: { email: string; displayName: string },
  ): ProtocolApprovalCardInput {
    return approvalAnswer(meeting, result, people, reader);
  }

  /**
   * The approval card to each person whose turn it is (#16: the secretary, then the chair, then both justerare),
   * in their chat with the bot when there is one, else in the General channel addressed to them by name. Once per
   * protokoll version and person, journalled: a save, a repeat or a restart posts no card twice. Called after each
   * draft and each approval; returns where each card went.
   */
  async sendApprovalCards(
    gateway: GraphGateway,
    meetingId: string,
    view: ProtocolView,
  ): Promise<{ email: string; where: CardPlace }[]> {
    if (view.status !== 'utkast') return [];
    const [record, people] = await Promise.all([this.meetings.get(gateway, meetingId), this.meetings.people(gateway)]);
    const poster = {
      post: (person: ContactRecord | undefined, card: IAdaptiveCard, summary: string) =>
        this.sendApprovalCard(person, card, summary, meetingId),
    };
    return sendApprovalCards({ state: this.state, poster }, record, view, people);
  }

  private async sendApprovalCard(
    person: ContactRecord | undefined,
    card: IAdaptiveCard,
    summary: string,
    meetingId: string,
  ): Promise<CardPlace> {
    try {
      const poster = this.requirePoster();
      const chat = person?.entraObjectId
        ? await poster.sendCardToPerson(person.entraObjectId, card, summary)
        : undefined;
      if (chat) return 'chat';
      await poster.postCardToGeneral(card, summary);
      return 'general';
    } catch (error) {
      this.options.logger?.warn({ err: error, meetingId }, 'justering card not sent');
      return 'not-sent';
    }
  }
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
