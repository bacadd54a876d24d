import { Client as BotConnectorClient } from '@microsoft/teams.api';
import type { IAdaptiveCard } from '@microsoft/teams.cards';
import { Client as HttpClient } from '@microsoft/teams.common';
import { ADAPTIVE_CARD_CONTENT_TYPE } from './cards';
import type { StoredConversation } from './deps';

export interface ProactiveResult {
  activityId?: string;
}

/** Writes to a stored conversation without being spoken to: POST {serviceUrl}/v3/conversations/{id}/activities. */
export interface ProactiveSender {
  sendCard(conversation: StoredConversation, card: IAdaptiveCard, summary: string): Promise<ProactiveResult>;
}

export type BotTokenSource = () => Promise<string | null | undefined>;

export function createProactiveSender(token: BotTokenSource, http: HttpClient = new HttpClient()): ProactiveSender {
  return {
    async sendCard(conversation, card, summary) {
      const connector = new BotConnectorClient(
        conversation.serviceUrl.replace(/\/+$/, ''),
        http.clone({ token: async () => (await token()) ?? undefined }),
      );
      const resource = await connector.conversations.activities(conversation.conversationId).create({
        type: 'message',
        summary,
        from: { id: conversation.botId, name: conversation.botName ?? conversation.botId, role: 'bot' },
        conversation: {
          id: conversation.conversationId,
          conversationType: conversation.kind,
          isGroup: conversation.kind !== 'personal',
          ...(conversation.tenantId ? { tenantId: conversation.tenantId } : {}),
        },
        attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card }],
      });
      return resource.id ? { activityId: resource.id } : {};
    },
  };
}
