/**
 * What the server keeps that Graph cannot hold: the bot's conversation references (for proactive messages)
 * and a journal of operations (so a retried use case can tell it already ran). SQLite locally; an Azure store
 * in production implements the same interfaces (STORAGE_TABLE_ENDPOINT, STATE_TABLE_NAME).
 */

/** A conversation the bot may write to later without being spoken to (proactive messages). */
export interface StoredConversation {
  conversationId: string;
  kind: 'personal' | 'channel' | 'groupChat';
  serviceUrl: string;
  tenantId?: string;
  botId: string;
  botName?: string;
  /** For team installations: the team's id (its General channel has the same id). */
  teamId?: string;
  /** For personal chats: the user the chat is with. */
  userAadObjectId?: string;
  updatedAt: string;
}

export interface ConversationStore {
  save(conversation: StoredConversation): Promise<void>;
  remove(conversationId: string): Promise<void>;
  get(conversationId: string): Promise<StoredConversation | undefined>;
  /** The General channel of the team the app is installed in (the most recently seen when several). */
  findTeamGeneral(teamId?: string): Promise<StoredConversation | undefined>;
  findPersonal(userAadObjectId: string): Promise<StoredConversation | undefined>;
  list(): Promise<StoredConversation[]>;
}

export type OperationStatus = 'started' | 'succeeded' | 'failed';

export interface OperationRecord {
  key: string;
  status: OperationStatus;
  detail?: Record<string, unknown>;
  updatedAt: string;
}

export interface ServerStateStore {
  /** The bot's conversation references. */
  readonly conversations: ConversationStore;
  recordOperation(key: string, status: OperationStatus, detail?: Record<string, unknown>): void;
  getOperation(key: string): OperationRecord | undefined;
  close(): void;
}
