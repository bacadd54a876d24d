import type { IAdaptiveCard } from '@microsoft/teams.cards';
import type { StoredConversation } from '../state/store';

export type { Logger } from 'pino';

/**
 * What the use cases and jobs need from the outside without knowing who provides it: a clock, a logger, and a
 * way to write to a Teams conversation (the bot's proactive sender implements it).
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface ProactiveResult {
  activityId?: string;
}

/** Writes to a stored conversation without being spoken to: POST {serviceUrl}/v3/conversations/{id}/activities. */
export interface ProactiveSender {
  sendCard(conversation: StoredConversation, card: IAdaptiveCard, summary: string): Promise<ProactiveResult>;
  /** A text message; `<at>Name</at>` in the text with a matching mention entity @mentions that person. */
  sendMessage(conversation: StoredConversation, message: ProactiveMessage): Promise<ProactiveResult>;
}

export interface MentionEntity {
  type: 'mention';
  /** Exactly as it stands in the text: `<at>Name</at>`. */
  text: string;
  /** The person's Entra object id (Teams accepts it as the mentioned id). */
  mentioned: { id: string; name: string };
}

export interface ProactiveMessage {
  text: string;
  entities: MentionEntity[];
  summary: string;
}
