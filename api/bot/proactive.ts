import { Client as BotConnectorClient } from '@microsoft/teams.api';
import type { IAdaptiveCard } from '@microsoft/teams.cards';
import { Client as HttpClient } from '@microsoft/teams.common';
import { ADAPTIVE_CARD_CONTENT_TYPE } from '../cards/cards';
import type { MentionEntity, ProactiveResult, ProactiveSender } from '../services/ports';
import type { StoredConversation } from '../state/store';

export type BotTokenSource = () => Promise<string | null | undefined>;

export function createProactiveSender(token: BotTokenSource, http: HttpClient = new HttpClient()): ProactiveSender {
  const send = async (
    conversation: StoredConversation,
    content: { summary: string; text?: string; entities?: MentionEntity[]; card?: IAdaptiveCard },
  ): Promise<ProactiveResult> => {
    const connector = new BotConnectorClient(
      conversation.serviceUrl.replace(/\/+$/, ''),
      http.clone({ token: async () => (await token()) ?? undefined }),
    );
    const resource = await connector.conversations.activities(conversation.conversationId).create({
      type: 'message',
      summary: content.summary,
      from: { id: conversation.botId, name: conversation.botName ?? conversation.botId, role: 'bot' },
      conversation: {
        id: conversation.conversationId,
        conversationType: conversation.kind,
        isGroup: conversation.kind !== 'personal',
        ...(conversation.tenantId ? { tenantId: conversation.tenantId } : {}),
      },
      ...(content.text !== undefined ? { text: content.text, textFormat: 'markdown' as const } : {}),
      ...(content.entities
        ? {
            entities: content.entities.map((entity) => ({
              ...entity,
              mentioned: { ...entity.mentioned, role: 'user' as const },
            })),
          }
        : {}),
      ...(content.card ? { attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: content.card }] } : {}),
    });
    return resource.id ? { activityId: resource.id } : {};
  };
  return {
    sendCard: (conversation, card, summary) => send(conversation, { summary, card }),
    sendMessage: (conversation, message) => send(conversation, message),
  };
}
