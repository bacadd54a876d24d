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
 * installed, found by the team's Graph id (`target.teamId`, the group id Teams sends as aadGroupId). Without
 * that installation there is nothing to post with, in a tenant and locally alike.
 */
export function botChannelPoster(
  sender: CardSender,
  conversations: Pick<ConversationStore, 'findTeamGeneral'>,
): ChannelCardPoster {
  return {
    async postToChannel(target, card: AdaptiveCardJson, summary) {
      const general = await conversations.findTeamGeneral(target.teamId);
      if (!general)
        throw new Error('The bot has no conversation in this team yet (is the app installed in the team?).');
      const conversation: StoredConversation = {
        conversationId: target.channelId,
        kind: 'channel',
        serviceUrl: general.serviceUrl,
        botId: general.botId,
        ...(general.botName ? { botName: general.botName } : {}),
        ...(general.tenantId ? { tenantId: general.tenantId } : {}),
        teamId: general.teamId ?? target.teamId,
        aadGroupId: target.teamId,
        updatedAt: new Date().toISOString(),
      };
      return sender.sendCard(conversation, card as never, summary);
    },
  };
}
