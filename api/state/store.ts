/**
 * What the server keeps that Graph cannot hold: bot conversation references (for proactive messages) and
 * a journal of operations (so a retried use case can tell it already ran). SQLite locally; an Azure store
 * in production implements the same interface.
 */
export interface ConversationReference {
  conversationId: string;
  serviceUrl: string;
  /** e.g. 'channel' | 'personal' | 'groupChat' */
  kind: string;
  /** Free-form extras the bot needs (team id, channel id, user id…). */
  data?: Record<string, unknown>;
}

export type OperationStatus = 'started' | 'succeeded' | 'failed';

export interface OperationRecord {
  key: string;
  status: OperationStatus;
  detail?: Record<string, unknown>;
  updatedAt: string;
}

export interface ServerStateStore {
  saveConversation(key: string, reference: ConversationReference): void;
  getConversation(key: string): ConversationReference | undefined;
  listConversations(): { key: string; reference: ConversationReference }[];
  deleteConversation(key: string): void;
  recordOperation(key: string, status: OperationStatus, detail?: Record<string, unknown>): void;
  getOperation(key: string): OperationRecord | undefined;
  close(): void;
}
