import { z } from 'zod';
import {
  DomainRuleError,
  DomainValidationError,
  ForbiddenError,
  agendaPointsFromText,
  type Organisation,
  type Person,
} from '../../src/domain';
import type { BotConfig, BotDeps, CardOutcome, ConversationStore } from '../bot/deps';
import type { IdempotencyStore } from '../state/store';
import type { Clock } from '../services/ports';
import { GraphRequestError } from '../graph/errors';
import type { AppConfig } from '../config';
import type { Logger } from '../http/logger';
import type { AppServices } from '../services';
import { toActivity, resolveBudgetLine } from '../services/economy';
import type { ContactRecord } from '../services/contacts';
import { groupsOf, nextCalledMeeting, toDomainMeeting } from '../services/meetings';
import { teamsLogger } from './logger';
import { tabLinks } from '../cards/links';
import { assignmentBotDeps } from './assignmentBot';

const WARNING_ORDER = ['ALL_DECLINED', 'NOT_INVITED', 'NOT_YET_ANSWERED'];

/** The bot's settings from the server's: no Bot Framework credentials locally, the bot's own in tenant mode. */
export function botConfigFrom(config: AppConfig, organisations: readonly Organisation[] = []): BotConfig {
  const allowedTenantIds = [
    ...new Set(
      [
        ...config.identity.allowedTenantIds,
        ...organisations.flatMap((org) => (org.tenantId ? [org.tenantId] : [])),
      ].map((id) => id.toLowerCase()),
    ),
  ];
  if (config.mode === 'local') {
    // The SDK asks the Bot Framework token service for a user token on every activity
    // (token.botframework.com unless told otherwise); locally the local tenant answers that at once.
    return {
      mode: 'local',
      allowedTenantIds,
      ...(config.identity.localTenantUrl ? { oauthUrl: config.identity.localTenantUrl } : {}),
    };
  }
  return {
    mode: 'tenant',
    allowedTenantIds,
    credentials: {
      authType: config.bot.authType,
      clientId: config.bot.id,
      clientSecret: config.bot.password,
      managedIdentityClientId: config.bot.managedIdentityClientId,
      tenantId: config.bot.tenantId,
    },
  };
}

/** A row of Kontakter as the domain's Person (its id is the list item's). */
export function personFromContact(record: ContactRecord): Person {
  return {
    id: record.id,
    displayName: record.displayName,
    email: record.email,
    organisationId: record.organisationId,
    roles: record.roles,
    ...(record.title ? { title: record.title } : {}),
    ...(record.phone ? { phone: record.phone } : {}),
  };
}

/** A card action's use case: rule and validation refusals become the error card's text; the rest is thrown. */
async function cardOutcome<T>(run: () => Promise<T>): Promise<CardOutcome<T>> {
  try {
    return { ok: true, card: await run() };
  } catch (error) {
    if (error instanceof DomainValidationError) {
      return { ok: false, problem: error.issues.map((issue) => issue.message).join(' ') };
    }
    if (error instanceof DomainRuleError || error instanceof ForbiddenError)
      return { ok: false, problem: error.message };
    if (error instanceof GraphRequestError && error.status === 404) {
      return { ok: false, problem: 'Det kortet gäller finns inte längre.' };
    }
    throw error;
  }
}

export interface BotDepsParts {
  config: AppConfig;
  services: AppServices;
  conversations: ConversationStore;
  logger: Logger;
  clock: Clock;
  /** Exactly once per activity (a re-delivered activity answers with the first reply). */
  idempotency?: IdempotencyStore;
}

type BotDepsContext = BotDepsParts & { app: () => ReturnType<AppServices['graph']['forApp']> };

/** Who is who: the sender by object id, Kontakter and the organisations. */
function peopleDeps({
  services,
  app,
}: BotDepsContext): Pick<BotDeps, 'findPersonByAadObjectId' | 'listPeople' | 'listOrganisations'> {
  return {
    async findPersonByAadObjectId(aadObjectId) {
      const record = await services.contacts.findByObjectId(app(), aadObjectId);
      return record ? personFromContact(record) : undefined;
    },

    async listPeople() {
      return (await services.contacts.list(app())).map(personFromContact);
    },

    async listOrganisations() {
      return services.organisations.organisations;
    },
  };
}

/** Meetings: upcoming with answers, and calling stödgruppen. */
function meetingDeps({
  services,
  app,
}: BotDepsContext): Pick<BotDeps, 'upcomingMeetings' | 'conveneStodgrupp' | 'nextAgenda'> {
  return {
    async nextAgenda({ group, by, from }) {
      const groups = group ? [group] : groupsOf(by);
      const next = nextCalledMeeting(await services.meetings.records(app()), groups, from);
      if (!next) return undefined;
      return {
        meeting: toDomainMeeting(next),
        agenda: agendaPointsFromText(next.agendaText),
        ...(next.joinUrl ? { joinUrl: next.joinUrl } : {}),
      };
    },

    async upcomingMeetings(from) {
      const views = await services.meetings.upcomingWithAnswers(app(), from);
      const counts = (row: { accepted: number; tentative: number; declined: number; noAnswer: number }) => ({
        accepted: row.accepted,
        tentative: row.tentative,
        declined: row.declined,
        notAnswered: row.noAnswer,
      });
      return views.map((view) => ({
        meeting: toDomainMeeting(view.meeting),
        answers: counts(view.totals),
        byOrganisation: view.organisations
          .filter((org) => org.invited > 0)
          .map((org) => ({ organisationId: org.organisationId, name: org.name, ...counts(org) })),
        // The most serious first: the phone card shows one (everyone declined, nobody invited, no answer yet).
        warnings: [...view.warnings]
          .sort((a, b) => WARNING_ORDER.indexOf(a.code) - WARNING_ORDER.indexOf(b.code))
          .map((warning) => warning.message),
      }));
    },

    async conveneStodgrupp({ date, startTime, endTime, by, key }) {
      const person = await services.contacts.findByEmail(app(), by.email);
      if (!person) return { ok: false, problem: 'Du finns inte i kontaktlistan.' };
      try {
        const { meeting, created } = await services.meetings.send(
          app(),
          { person, roles: person.roles },
          { group: 'stodgrupp', date, startTime, endTime, online: true, idempotencyKey: key },
        );
        return { ok: true, meeting: toDomainMeeting(meeting), created };
      } catch (error) {
        if (error instanceof DomainValidationError || error instanceof z.ZodError) {
          return { ok: false, problem: error.issues.map((issue) => issue.message).join(' ') };
        }
        if (error instanceof DomainRuleError || error instanceof ForbiddenError) {
          return { ok: false, problem: error.message };
        }
        throw error;
      }
    },
  };
}

/** Economy and arbetsgrupper: the budget's status, activities, booking an outcome, the groups. */
function economyDeps({
  services,
  app,
  config,
}: BotDepsContext): Pick<
  BotDeps,
  'budgetStatus' | 'listActivities' | 'bookOutcome' | 'workingGroupsPageUrl' | 'listWorkingGroups'
> {
  return {
    async budgetStatus(year, asOf) {
      const { status, exceptions } = await services.economy.budget.report(app(), year, asOf);
      return { ...status, exceptions };
    },

    async listActivities(filter) {
      const activities = await services.economy.activities.list(app(), filter);
      return activities.map(toActivity);
    },

    async bookOutcome({ amountOre, line, date, by }) {
      const { budget } = services.economy;
      const year = Number(date.slice(0, 4));
      const lines = await budget.listLines(app(), year);
      const found = resolveBudgetLine(lines, line);
      if ('problem' in found) return { ok: false, problem: found.problem };
      try {
        const booked = await budget.bookOutcome(
          app(),
          { budgetLineId: found.line.id, date, amountOre, ...(found.text ? { text: found.text } : {}) },
          by.email,
        );
        const status = (await budget.report(app(), year, date)).status.lines.find((l) => l.line.id === found.line.id);
        return {
          ok: true,
          lineName: found.line.name,
          amountOre: booked.amountOre,
          date: booked.date,
          ...(booked.text ? { text: booked.text } : {}),
          lineOutcomeOre: status?.outcomeOre ?? booked.amountOre,
          lineBudgetOre: found.line.amountOre,
        };
      } catch (error) {
        if (error instanceof DomainValidationError) {
          return { ok: false, problem: error.issues.map((issue) => issue.message).join(' ') };
        }
        if (error instanceof DomainRuleError) return { ok: false, problem: error.message };
        throw error;
      }
    },

    workingGroupsPageUrl: `${config.publicUrl}/#/arbetsgrupper`,

    async listWorkingGroups() {
      const groups = await services.workingGroups.list(app());
      return groups.map((group) => ({
        name: group.name,
        status: group.status,
        syfte: group.syfte,
        members: group.members.map((m) => ({ displayName: m.displayName, convener: m.convener })),
        period: group.period,
        ...(group.channel?.webUrl ? { channelUrl: group.channel.webUrl } : {}),
      }));
    },
  };
}

/** What cards submit (a poll vote, a justering) and the news the bot posted. */
function cardDeps({
  services,
  app,
  logger,
}: BotDepsContext): Pick<BotDeps, 'votePoll' | 'approveProtocol' | 'recordNews'> {
  const log = logger.child({ component: 'bot' });
  return {
    async votePoll({ pollId, choices, by }) {
      const person = await services.contacts.findByEmail(app(), by.email);
      if (!person) return { ok: false, problem: 'Du finns inte i kontaktlistan.' };
      return cardOutcome(async () => {
        const view = await services.meetingPolls.vote(app(), { person, roles: person.roles }, pollId, { choices });
        return services.meetingNotices.pollCardInput(view, `Tack ${person.displayName}, ditt svar är sparat.`);
      });
    },

    async approveProtocol({ meetingId, version, by }) {
      const person = await services.contacts.findByEmail(app(), by.email);
      if (!person) return { ok: false, problem: 'Du finns inte i kontaktlistan.' };
      return cardOutcome(async () => {
        // A card without a version is older than the versions (#16): it is answered with the current card.
        const acting = { person, roles: person.roles };
        const result = await services.meetingProtocols.approval(app(), acting, meetingId, version ?? -1);
        // The next in turn gets their card (once per version and person, whatever presses come).
        await services.meetingNotices.sendApprovalCards(app(), meetingId, result.view);
        const [record, people] = await Promise.all([
          services.meetings.get(app(), meetingId),
          services.meetings.people(app()),
        ]);
        return services.meetingNotices.approvalAnswer(record, result, people, person);
      });
    },

    async recordNews(news) {
      // The post itself is in the General channel; the journal keeps when and which message, not who or what.
      const key = `news:${news.postedAt.toISOString()}:${news.messageId ?? 'unknown'}`;
      await services.state.recordOperation(key, 'succeeded', {
        postedAt: news.postedAt.toISOString(),
        ...(news.messageId ? { messageId: news.messageId } : {}),
        characters: news.text.length,
      });
      log.info({ messageId: news.messageId }, 'news posted to General');
    },
  };
}

/**
 * BotDeps over the server's services: one method per dependency, each a thin call into a service. The bot
 * runs app-only (Graph's application permissions), since an activity carries no token of the sender's;
 * who may do what is decided from the sender's roles in Kontakter.
 */
export function createBotDeps(parts: BotDepsParts): BotDeps {
  const { config, services, conversations, logger, clock, idempotency } = parts;
  const context: BotDepsContext = { ...parts, app: () => services.graph.forApp() };
  const links = tabLinks({ mode: config.mode, publicUrl: config.publicUrl, teamsAppId: config.teamsAppId });
  return {
    tabLinks: links,
    config: botConfigFrom(config, services.organisations.organisations),
    clock,
    conversations,
    ...(idempotency ? { idempotency } : {}),
    logger: teamsLogger(logger, 'bot'),
    ...peopleDeps(context),
    ...meetingDeps(context),
    ...economyDeps(context),
    ...cardDeps(context),
    ...assignmentBotDeps({ services, graph: context.app, clock, links }),
  };
}
