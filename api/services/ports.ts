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

/** Statuses of the connector (or a gateway before it) that do not say the activity was not posted. */
const MAYBE_DONE_STATUSES = new Set([502, 503, 504]);

/**
 * Whether a post to Teams may have happened although it failed: a reset or timeout after the request went out,
 * or a 502/503/504 (a gateway's or the service's answer, which does not say nothing was done). Bot Framework
 * takes no idempotency key for a new activity, so such a post is never sent again: one card, or at worst none,
 * never two. A refusal with an answer (400, 403, 404, 429) and a refused connection are not done.
 */
export function answerMayBeLost(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { response, code } = error as { response?: { status?: unknown }; code?: unknown };
  if (response !== undefined) return MAYBE_DONE_STATUSES.has(Number(response.status));
  return ['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE'].includes(String(code));
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
