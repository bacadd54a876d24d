import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  DomainRuleError,
  OPERATING_PLAN_STATUSES,
  createOperatingPlan,
  decidePlan,
  parseOrThrow,
  type OperatingPlan,
} from '../../../src/domain';
import { ConflictError } from '../../graph/errors';
import type { ListItemWithFields } from '../../graph/gateway';
import { eq } from '../../graph/odata';
import { createdAt, integerValue, mayBeOwnWrite, oneOfValue, sameEtag, textValue, withConflict } from './listFields';
import { toDecision, type DecisionsService, type OpenProposal, type ProposalSource } from './decisions';
import { jsonColumn, type FieldsOf, type ListItemsApi, type ListStores } from '../lists';
import {
  type DecisionReferenceInput,
  type PlanInput,
  decisionReferenceSchema,
  planInputSchema,
} from '../../../src/contract';

/** Verksamhetsplan's fields by internal name (lists/schema.ts). */
export type OperatingPlanFields = FieldsOf<'operatingPlans'>;

export interface OperatingPlanRecord extends OperatingPlan {
  id: string;
  etag: string;
  /** When it was first proposed (the item's Created): its decision cannot be older. */
  proposedAt?: string;
}

const storedGoalsSchema = z.array(
  z.object({ id: z.string(), text: z.string(), activityIds: z.array(z.string()).default([]) }),
);

const goalsColumn = jsonColumn(storedGoalsSchema, []);

function toRecord(item: ListItemWithFields<OperatingPlanFields>): OperatingPlanRecord {
  const f = item.fields;
  const decisionId = textValue(f.DecisionItemId);
  return {
    id: item.id,
    etag: item.eTag,
    year: integerValue(f.Year) ?? 0,
    status: oneOfValue(OPERATING_PLAN_STATUSES, f.Status) ?? 'forslag',
    priorities: (textValue(f.Priorities) ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== ''),
    goals: goalsColumn.read(f.Goals),
    ...(decisionId ? { decisionId } : {}),
    ...(createdAt(item) ? { proposedAt: createdAt(item) } : {}),
  };
}

function toFields(plan: OperatingPlan): OperatingPlanFields {
  return {
    Title: `Verksamhetsplan ${plan.year}`,
    Year: plan.year,
    Status: plan.status,
    // Priorities are one per line: the plan stays readable in SharePoint itself.
    Priorities: plan.priorities.map((p) => p.replace(/\s*\n\s*/g, ' ')).join('\n'),
    Goals: goalsColumn.write(plan.goals),
    DecisionItemId: plan.decisionId ?? '',
  };
}

/** Whether the stored plan holds this proposal: its priorities and its goals' texts and activities. */
function sameContent(stored: OperatingPlan, plan: OperatingPlan): boolean {
  const goals = (p: OperatingPlan) => JSON.stringify(p.goals.map((g) => [g.text, [...g.activityIds].sort()]));
  return (
    stored.status === plan.status &&
    JSON.stringify(stored.priorities) === JSON.stringify(plan.priorities) &&
    goals(stored) === goals(plan)
  );
}

/** The verksamhetsplan per year: proposed by stödgruppen, decided by samverkansgruppen, goals linked to activities. */
export class OperatingPlanService implements ProposalSource {
  constructor(
    private readonly lists: Pick<ListStores, 'operatingPlans'>,
    private readonly decisions: DecisionsService,
  ) {}

  async get(gateway: ListItemsApi, year: number): Promise<OperatingPlanRecord | undefined> {
    const items = await this.lists.operatingPlans.find(gateway, eq('Year', year));
    return items.map(toRecord).sort((a, b) => Number(a.id) - Number(b.id))[0];
  }

  /** Writes the proposal for a year: creates it the first time, later only with the ETag read. */
  async save(gateway: ListItemsApi, year: number, input: PlanInput, etag?: string): Promise<OperatingPlanRecord> {
    const data = parseOrThrow(planInputSchema, input);
    const current = await this.get(gateway, year);
    if (current?.status === 'beslutad') {
      throw new DomainRuleError(
        'PLAN_ALREADY_DECIDED',
        `Verksamhetsplanen för ${year} är beslutad och kan inte ändras.`,
      );
    }
    const plan = createOperatingPlan({
      year,
      status: 'forslag',
      priorities: data.priorities,
      goals: data.goals.map((goal) => ({ ...goal, id: goal.id ?? randomUUID().slice(0, 8) })),
    });
    if (!current) {
      const once = await this.lists.operatingPlans.createOnce(gateway, toFields(plan), `operatingPlan:${year}`);
      const record = toRecord(once.item);
      // Someone else's plan for the year, written since it was read: theirs, shown as a conflict.
      if (!once.created && !sameContent(record, plan)) throw new ConflictError(record);
      return record;
    }
    // This very proposal, written by an earlier attempt whose answer was lost: its result, not a conflict.
    if (!etag || !sameEtag(etag, current.etag)) {
      if (sameContent(current, plan)) return current;
      throw new ConflictError(current);
    }
    return this.write(gateway, current.id, toFields(plan), etag, (now) => sameContent(now, plan));
  }

  async decide(
    gateway: ListItemsApi,
    year: number,
    input: DecisionReferenceInput,
    etag: string,
  ): Promise<OperatingPlanRecord> {
    const data = parseOrThrow(decisionReferenceSchema, input);
    const current = await this.get(gateway, year);
    if (!current) throw new DomainRuleError('PLAN_NOT_FOUND', `Det finns ingen verksamhetsplan för ${year}.`);
    if (!sameEtag(etag, current.etag)) {
      // This operation's own decision, done by an earlier attempt whose answer was lost: its result.
      if (current.status === 'beslutad' && (await this.decisions.isThisOperations(gateway, current.decisionId, data)))
        return current;
      throw new ConflictError(current);
    }
    decidePlan(current, 'pending');
    const proposal = current.proposedAt ? { proposedAt: current.proposedAt } : {};
    let decisionId: string;
    if ('decisionId' in data) {
      const decision = await this.decisions.reuse(gateway, data.decisionId, 'operatingPlan');
      // A Decision (not a bare id) lets the domain check that it is about the verksamhetsplan.
      decidePlan(current, toDecision(decision));
      decisionId = decision.id;
    } else {
      const decision = await this.decisions.record(
        gateway,
        {
          meetingId: data.meetingId,
          kind: 'verksamhetsplan',
          title: `Verksamhetsplan ${year}`,
          text: data.text ?? `Samverkansgruppen fastställer verksamhetsplanen för ${year}.`,
          subjectRef: `operatingPlan:${year}`,
          ...(data.followUpDue ? { followUpDue: data.followUpDue } : {}),
          ...(data.decidedOn ? { decidedOn: data.decidedOn } : {}),
        },
        proposal,
      );
      decisionId = decision.id;
    }
    const decided = decidePlan(current, decisionId);
    const fields = { Status: decided.status, DecisionItemId: decisionId };
    return this.write(gateway, current.id, fields, etag, (now) => now.decisionId === decisionId);
  }

  async openProposals(gateway: ListItemsApi): Promise<OpenProposal[]> {
    const items = await this.lists.operatingPlans.find(gateway);
    return items
      .map(toRecord)
      .filter((plan) => plan.status === 'forslag')
      .map((plan) => ({
        kind: 'verksamhetsplan' as const,
        title: `Verksamhetsplan ${plan.year}`,
        text: [...plan.priorities.map((p) => `Prioritering: ${p}`), ...plan.goals.map((g) => `Mål: ${g.text}`)].join(
          '\n',
        ),
        subjectRef: `operatingPlan:${plan.year}`,
      }));
  }

  /**
   * If-Match `etag`. After a 412 or a lost answer the plan is read again: when it holds what this write meant
   * (`done`), the write was its own, answered late (issue #15); otherwise the conflict with the plan as it is.
   */
  private async write(
    gateway: ListItemsApi,
    id: string,
    fields: Partial<OperatingPlanFields>,
    etag: string,
    done: (now: OperatingPlanRecord) => boolean,
  ): Promise<OperatingPlanRecord> {
    try {
      return await withConflict<OperatingPlanFields, OperatingPlanRecord>(
        async () => toRecord(await this.lists.operatingPlans.update(gateway, id, etag, fields)),
        toRecord,
      );
    } catch (error) {
      if (!mayBeOwnWrite(error)) throw error;
      const now = toRecord(await this.lists.operatingPlans.get(gateway, id));
      if (done(now)) return now;
      throw error;
    }
  }
}
