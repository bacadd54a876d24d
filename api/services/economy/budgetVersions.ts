import { z } from 'zod';
import {
  BUDGET_CATEGORIES,
  BUDGET_KINDS,
  BUDGET_VERSION_STATUSES,
  DomainRuleError,
  SAMVERKANSOMRADEN,
  assertBudgetOpen,
  decideBudget,
  latestVersion,
  parseOrThrow,
  proposeBudget,
  type BudgetLine,
  type BudgetVersion,
} from '../../../src/domain';
import type { ListItemWithFields } from '../../graph/gateway';
import { eq } from '../../graph/odata';
import { jsonColumn, type FieldsOf, type ListItemsApi, type ListStore } from '../lists';
import { createdAt, dateValue, integerValue, mayBeOwnWrite, oneOfValue, sameEtag, textValue } from './listFields';
import type { DecisionsService } from './decisions';
import { decisionReferenceSchema, type DecisionReferenceInput } from '../../../src/contract';
import { ConflictError, GraphRequestError } from '../../graph/errors';

/** Budgetversioner's fields by internal name (lists/schema.ts). */
export type BudgetVersionFields = FieldsOf<'budgetVersions'>;

export interface BudgetVersionRecord extends BudgetVersion {
  id: string;
  etag: string;
  /** When the proposal was made (the item's Created): its decision cannot be older. */
  proposedAt?: string;
}

const linesColumn = jsonColumn(
  z.array(
    z.object({
      id: z.string(),
      year: z.number(),
      kind: z.enum(BUDGET_KINDS),
      category: z.enum(BUDGET_CATEGORIES),
      name: z.string(),
      amountOre: z.number(),
      area: z.enum(SAMVERKANSOMRADEN).optional(),
      organisationId: z.string().optional(),
      activityId: z.string().optional(),
    }),
  ),
  [],
);

function toRecord(item: ListItemWithFields<BudgetVersionFields>): BudgetVersionRecord {
  const f = item.fields;
  const decisionId = textValue(f.DecisionId);
  const decidedOn = dateValue(f.DecidedOn);
  const status = oneOfValue(BUDGET_VERSION_STATUSES, f.Status) ?? 'forslag';
  const proposedAt = createdAt(item);
  return {
    id: item.id,
    etag: item.eTag,
    year: integerValue(f.Year) ?? 0,
    version: integerValue(f.Version) ?? 1,
    status,
    ...(decisionId ? { decisionId } : {}),
    ...(decidedOn ? { decidedOn } : {}),
    ...(status === 'beslutad' ? { lines: linesColumn.read(f.Lines) as BudgetLine[] } : {}),
    ...(proposedAt ? { proposedAt } : {}),
  };
}

/** The year's versions, oldest first. */
export async function readVersions(
  store: ListStore<BudgetVersionFields>,
  gateway: ListItemsApi,
  year: number,
): Promise<BudgetVersionRecord[]> {
  const items = await store.find(gateway, eq('Year', year));
  return items.map(toRecord).sort((a, b) => a.version - b.version);
}

/** The natural key of a version: one item per year and version (Budgetversioner's unique YearVersion). */
export const yearVersion = (year: number, version: number) => `${year}-${version}`;

/** SharePoint's refusal of a second item with the same value in a unique column. */
export const isDuplicate = (error: unknown) => error instanceof GraphRequestError && error.status === 409;

/** A proposal while the year's is open (or being written at the same moment): a 409 that shows the open one. */
export async function openProposalConflict(
  store: ListStore<BudgetVersionFields>,
  gateway: ListItemsApi,
  year: number,
): Promise<ConflictError<BudgetVersionRecord | undefined>> {
  const open = latestVersion(await readVersions(store, gateway, year), year) as BudgetVersionRecord | undefined;
  const which = open ? ` (version ${open.version})` : '';
  return new ConflictError(open, `Det finns redan ett förslag till budget för ${year}${which} som väntar på beslut.`);
}

/** Refuses a change of the year's lines once its budget is decided and no revision is proposed. */
export async function assertLinesOpen(
  store: ListStore<BudgetVersionFields>,
  gateway: ListItemsApi,
  year: number,
): Promise<void> {
  assertBudgetOpen(await readVersions(store, gateway, year), year);
}

/**
 * The budget's versions (#17): stödgruppen's proposal (förslag), samverkansgruppen's decision (a Beslut of kind
 * budget) which locks the lines as decided, and a revision as a new proposal and a new decision.
 */
export class BudgetVersionsService {
  constructor(
    private readonly store: ListStore<BudgetVersionFields>,
    private readonly lines: (gateway: ListItemsApi, year: number) => Promise<BudgetLine[]>,
    private readonly decisions: DecisionsService,
  ) {}

  list(gateway: ListItemsApi, year: number): Promise<BudgetVersionRecord[]> {
    return readVersions(this.store, gateway, year);
  }

  /** A proposal for the year: its first budget, or a revision of the decided one (which opens the lines). */
  async propose(gateway: ListItemsApi, year: number): Promise<BudgetVersionRecord> {
    const versions = await this.list(gateway, year);
    if (latestVersion(versions, year)?.status === 'forslag')
      throw await openProposalConflict(this.store, gateway, year);
    const next = proposeBudget(versions, year);
    const fields: BudgetVersionFields = {
      Title: `Budget ${year}, version ${next.version}`,
      Year: year,
      Version: next.version,
      Status: next.status,
      YearVersion: yearVersion(year, next.version),
    };
    try {
      return toRecord(await this.store.create(gateway, fields));
    } catch (error) {
      // Another tab's proposal for the same version, written at the same moment (#15): theirs, as a 409.
      if (isDuplicate(error)) throw await openProposalConflict(this.store, gateway, year);
      throw error;
    }
  }

  /** Samverkansgruppen decides the open proposal: a new Beslut of kind budget at a held meeting, or one reused. */
  async decide(
    gateway: ListItemsApi,
    year: number,
    input: DecisionReferenceInput,
    etag: string,
  ): Promise<BudgetVersionRecord> {
    const data = parseOrThrow(decisionReferenceSchema, input);
    const current = latestVersion(await this.list(gateway, year), year) as BudgetVersionRecord | undefined;
    if (!current) throw new DomainRuleError('BUDGET_NO_PROPOSAL', `Det finns inget förslag till budget för ${year}.`);
    if (!sameEtag(etag, current.etag)) {
      // This operation's own decision, done by an earlier attempt whose answer was lost: its result.
      if (current.status === 'beslutad' && (await this.decisions.isThisOperations(gateway, current.decisionId, data)))
        return current;
      throw new ConflictError(current);
    }
    const lines = await this.lines(gateway, year);
    // Checked before the decision is written: a refused decision leaves no orphan in Beslut.
    decideBudget(current, { id: 'pending', kind: 'budget', decidedOn: '1900-01-01' }, lines);
    const decision =
      'decisionId' in data
        ? await this.decisions.reuse(gateway, data.decisionId, 'budget')
        : await this.decisions.record(
            gateway,
            {
              meetingId: data.meetingId,
              kind: 'budget',
              title: current.version === 1 ? `Budget ${year}` : `Budget ${year}, revidering ${current.version - 1}`,
              text: data.text ?? `Samverkansgruppen fastställer budgeten för ${year} (version ${current.version}).`,
              subjectRef: `budget:${year}-${current.version}`,
              ...(data.followUpDue ? { followUpDue: data.followUpDue } : {}),
              ...(data.decidedOn ? { decidedOn: data.decidedOn } : {}),
            },
            current.proposedAt ? { proposedAt: current.proposedAt } : {},
          );
    const decided = decideBudget(
      current,
      { id: decision.id, kind: decision.kind, decidedOn: decision.decidedOn ?? '1900-01-01' },
      lines,
    );
    const fields: Partial<BudgetVersionFields> = {
      Status: decided.status,
      DecisionId: decision.id,
      DecidedOn: decided.decidedOn ?? '',
      Lines: linesColumn.write(decided.lines ?? []),
    };
    try {
      return toRecord(await this.store.update(gateway, current.id, etag, fields));
    } catch (error) {
      if (!mayBeOwnWrite(error)) throw error;
      const now = latestVersion(await this.list(gateway, year), year) as BudgetVersionRecord | undefined;
      if (now?.id === current.id && now.status === 'beslutad' && now.decisionId === decision.id) return now;
      throw error;
    }
  }
}
