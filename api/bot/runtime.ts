import type { Activity as BotActivity, ConversationAccount } from '@microsoft/teams.api';
import type { ILogger } from '@microsoft/teams.common';
import { z } from 'zod';
import type { Person } from '../../src/domain';
import { errorCard } from '../cards/cards';
import type { Reply } from './commandRunner';
import type { BotDeps, StoredConversation } from './deps';
import { claimOnce, fingerprintOf, onceKey } from '../state/once';
import { inOperation, operationKeyOf } from '../state/operation';

const aadObjectIdSchema = z.string().trim().min(1).max(64);

export function conversationFrom(activity: BotActivity, now: Date): StoredConversation | undefined {
  const conversation: ConversationAccount = activity.conversation;
  const channelData = activity.channelData;
  const tenantId = conversation.tenantId ?? channelData?.tenant?.id;
  const base = {
    serviceUrl: activity.serviceUrl ?? '',
    botId: activity.recipient.id,
    ...(activity.recipient.name ? { botName: activity.recipient.name } : {}),
    ...(tenantId ? { tenantId } : {}),
    updatedAt: now.toISOString(),
  };
  if (!base.serviceUrl) return undefined;
  const teamId = channelData?.team?.id;
  // Bot Framework names the team by its General channel's thread id; Graph by its group id (aadGroupId).
  const aadGroupId = channelData?.team?.aadGroupId;
  if (teamId)
    return { ...base, conversationId: teamId, kind: 'channel', teamId, ...(aadGroupId ? { aadGroupId } : {}) };
  if (conversation.conversationType === 'personal') {
    const userAadObjectId = activity.from.aadObjectId;
    return {
      ...base,
      conversationId: conversation.id,
      kind: 'personal',
      ...(userAadObjectId ? { userAadObjectId } : {}),
    };
  }
  if (conversation.conversationType === 'groupChat')
    return { ...base, conversationId: conversation.id, kind: 'groupChat' };
  return undefined;
}

/** What every activity handler does around its command: who sent it, where, once, and never silent. */
export interface ActivityRuntime {
  identify(aadObjectId: string | undefined): Promise<Person | undefined>;
  remember(activity: BotActivity): Promise<StoredConversation | undefined>;
  answering(run: () => Promise<Reply>): Promise<Reply>;
  once(activity: BotActivity, data: unknown, run: () => Promise<Reply>): Promise<Reply>;
}

/**
 * Runs an activity once: a repeat of its id (Teams re-delivers, a double press of a card's button sends the
 * same Action.Execute) answers with the first reply. The key is the sender's and the conversation's.
 */
async function runOnce(deps: BotDeps, activity: BotActivity, data: unknown, run: () => Promise<Reply>) {
  if (!deps.idempotency || !activity.id) return run();
  const scope = [
    'bot',
    activity.conversation.tenantId ?? '',
    activity.from.aadObjectId ?? activity.from.id,
    activity.conversation.id,
  ];
  const key = onceKey(scope, activity.id);
  const claim = await claimOnce(deps.idempotency, key, fingerprintOf(data), { waitMs: 10_000 });
  if (claim.kind === 'repeat') return claim.outcome.body as Reply;
  if (claim.kind !== 'first') {
    const message = 'Samma åtgärd pågår redan. Vänta en stund: den görs bara en gång.';
    return { card: errorCard('Ett ögonblick', message), summary: message };
  }
  try {
    // The activity is the operation: list items it creates carry its natural key (api/state/operation).
    const reply = await inOperation(operationKeyOf(scope, activity.id), run);
    await claim.finish({ status: 200, body: reply });
    return reply;
  } catch (error) {
    await claim.release();
    throw error;
  }
}

export function activityRuntime(deps: BotDeps, logger: ILogger): ActivityRuntime {
  return {
    async identify(aadObjectId) {
      const parsed = aadObjectIdSchema.safeParse(aadObjectId);
      return parsed.success ? deps.findPersonByAadObjectId(parsed.data) : undefined;
    },

    async remember(activity) {
      const conversation = conversationFrom(activity, deps.clock.now());
      if (conversation) await deps.conversations.save(conversation);
      return conversation;
    },

    /** A failure behind the bot (Graph, storage) still gets an answer, never silence nor the internal message. */
    async answering(run) {
      try {
        return await run();
      } catch (error) {
        logger.error('bot command failed', error instanceof Error ? error.message : String(error));
        return {
          card: errorCard('Något gick fel', 'Boten kunde inte hämta uppgifterna just nu. Försök igen om en stund.'),
          summary: 'Något gick fel.',
        };
      }
    },

    once: (activity, data, run) => runOnce(deps, activity, data, run),
  };
}
