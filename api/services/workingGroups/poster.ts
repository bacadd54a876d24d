import type { ConversationStore, StoredConversation } from '../../state/store';
import type { ChannelCardPoster } from './service';
import type { AdaptiveCardJson } from './card';

/** The part of the bot's proactive sender the welcome card needs (services/ports' ProactiveSender fits). */
export interface CardSender {
  sendCard(conversation: StoredConversation, card: never, summary: string): Promise<{ activityId?: string }>;
}

/**
 * Posts into a working group's channel as the bot. A new channel's conversation id is the channel id; the
 * serviceUrl, bot id and tenant come from the team's General channel conversation the bot stored when it was
 * installed, or, locally, from the local tenant's connector.
 */
export function botChannelPoster(
  sender: CardSender,
  conversations: Pick<ConversationStore, 'findTeamGeneral'>,
  local: { serviceUrl?: string; botId: string; tenantId: string },
): ChannelCardPoster {
  return {
    async postToChannel(target, card: AdaptiveCardJson, summary) {
      const general = await conversations.findTeamGeneral(target.teamId);
      const serviceUrl = general?.serviceUrl ?? local.serviceUrl;
      if (!serviceUrl)
        throw new Error('The bot has no conversation in this team yet (is the app installed in the team?).');
      const conversation: StoredConversation = {
        conversationId: target.channelId,
        kind: 'channel',
        serviceUrl,
        botId: general?.botId ?? local.botId,
        ...(general?.botName ? { botName: general.botName } : {}),
        tenantId: general?.tenantId ?? local.tenantId,
        teamId: target.teamId,
        updatedAt: new Date().toISOString(),
      };
      return sender.sendCard(conversation, card as never, summary);
    },
  };
}
