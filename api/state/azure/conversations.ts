import { odata, type TableClient, type TableEntityResult } from '@azure/data-tables';
import { storedConversationSchema, type ConversationStore, type StoredConversation } from '../store';
import { PARTITION, orUndefinedOn404, tableKey } from './tables';

interface ConversationEntity {
  kind: string;
  teamId: string;
  aadGroupId: string;
  userAadObjectId: string;
  isTeamGeneral: boolean;
  updatedAt: string;
  document: string;
}

/** The bot's conversation references on the table, one row per conversation, its document as JSON. */
export function tableConversationStore(table: TableClient, opened: Promise<void>): ConversationStore {
  const read = (entity: TableEntityResult<ConversationEntity>): StoredConversation =>
    storedConversationSchema.parse(JSON.parse(entity.document));
  const newest = async (filter: string): Promise<StoredConversation | undefined> => {
    let best: TableEntityResult<ConversationEntity> | undefined;
    for await (const entity of table.listEntities<ConversationEntity>({ queryOptions: { filter } }))
      if (!best || entity.updatedAt > best.updatedAt) best = entity;
    return best ? read(best) : undefined;
  };
  return {
    async save(conversation) {
      await opened;
      const valid = storedConversationSchema.parse(conversation);
      await table.upsertEntity(
        {
          partitionKey: PARTITION.conversation,
          rowKey: tableKey(valid.conversationId),
          kind: valid.kind,
          teamId: valid.teamId ?? '',
          aadGroupId: valid.aadGroupId ?? '',
          userAadObjectId: valid.userAadObjectId ?? '',
          isTeamGeneral: valid.kind === 'channel' && valid.teamId === valid.conversationId,
          updatedAt: valid.updatedAt,
          document: JSON.stringify(valid),
        },
        'Replace',
      );
    },
    async remove(conversationId) {
      await opened;
      await orUndefinedOn404(table.deleteEntity(PARTITION.conversation, tableKey(conversationId)));
    },
    async get(conversationId) {
      await opened;
      const entity = await orUndefinedOn404(
        table.getEntity<ConversationEntity>(PARTITION.conversation, tableKey(conversationId)),
      );
      return entity ? read(entity) : undefined;
    },
    async findTeamGeneral(aadGroupId) {
      await opened;
      if (aadGroupId)
        return newest(
          odata`PartitionKey eq ${PARTITION.conversation} and isTeamGeneral eq true and aadGroupId eq ${aadGroupId}`,
        );
      return newest(odata`PartitionKey eq ${PARTITION.conversation} and isTeamGeneral eq true`);
    },
    async findPersonal(userAadObjectId) {
      await opened;
      return newest(
        odata`PartitionKey eq ${PARTITION.conversation} and kind eq 'personal' and userAadObjectId eq ${userAadObjectId}`,
      );
    },
    async list() {
      await opened;
      const all: StoredConversation[] = [];
      for await (const entity of table.listEntities<ConversationEntity>({
        queryOptions: { filter: odata`PartitionKey eq ${PARTITION.conversation}` },
      }))
        all.push(read(entity));
      return all.sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
    },
  };
}
