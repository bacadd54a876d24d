import { endWorkingGroup, type WorkingGroup } from '../../../src/domain';
import type { GraphGateway, ListItemWithFields } from '../../graph/gateway';
import { currentOperationKey } from '../../state/operation';
import type { OperationJournal } from '../../state/store';
import type { ListStore } from '../lists';
import { patchGroupItem, type WorkingGroupFields, type WorkingGroupView } from './model';

interface EndJournal extends Record<string, unknown> {
  operation?: string;
  archived?: boolean;
}

export interface GroupEnding {
  user: GraphGateway;
  app: GraphGateway;
  groups: ListStore<WorkingGroupFields>;
  journal: OperationJournal;
  item: ListItemWithFields<WorkingGroupFields>;
  view: WorkingGroupView;
  domain: WorkingGroup;
  finalReport: string;
  today: string;
  teamId: () => Promise<string>;
}

/**
 * Ends a group in journalled steps (issue #15), keyed by the group and the operation: the channel archived,
 * then the register `avslutad` with the slutrapport (If-Match). A retry of the same operation (its answer was
 * lost, the server died between the steps) skips the archive it did and finishes the register; one that finds
 * the group ended by itself answers the group, not the refusal meant for ending an ended group.
 */
export async function endGroup(run: GroupEnding): Promise<ListItemWithFields<WorkingGroupFields>> {
  const key = `workingGroup:${run.item.id}:end`;
  const operation = currentOperationKey();
  const earlier = (await run.journal.getOperation(key))?.detail as EndJournal | undefined;
  const mine = operation !== undefined && earlier?.operation === operation;
  if (mine && run.view.status === 'avslutad') return run.item;
  // Refuses an ended group (someone else ended it, or another request) before anything is written.
  const ended = endWorkingGroup(run.domain, run.finalReport, run.today);
  const journal: EndJournal = mine && earlier ? { ...earlier } : { ...(operation ? { operation } : {}) };
  if (run.view.channel && !journal.archived) {
    await run.journal.recordOperation(key, 'started', journal);
    await run.user.archiveChannel(await run.teamId(), run.view.channel.id);
    journal.archived = true;
  }
  await run.journal.recordOperation(key, 'started', journal);
  const patch: Partial<WorkingGroupFields> = {
    Status: 'avslutad',
    FinalReport: ended.finalReport ?? run.finalReport,
    PeriodEnd: ended.period.end ?? run.today,
  };
  // patchGroupItem writes the register's own fields again over a newer etag (its answer may have been lost).
  const updated = await patchGroupItem(run.groups, run.app, run.item, patch);
  await run.journal.recordOperation(key, 'succeeded', journal);
  return updated;
}
