import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  DomainRuleError,
  OPERATING_PLAN_STATUSES,
  createOperatingPlan,
  decidePlan,
  parseOrThrow,
  type OperatingPlan,
  type OperatingPlanGoal,
} from '../../../src/domain';
import { ConflictError } from '../../graph/errors';
import type { GraphGateway, ListItemWithFields } from '../../graph/gateway';
import { eq } from '../../graph/odata';
import { integerValue, oneOfValue, sameEtag, textValue, withConflict } from './listFields';
import {
  decisionReferenceSchema,
  toDecision,
  type DecisionReferenceInput,
  type DecisionsService,
  type OpenProposal,
  type ProposalSource,
} from './decisions';
import type { SiteDirectory } from '../lists';

/** Verksamhetsplan's fields by internal name (see listSchema): one item per year. */
export interface OperatingPlanFields extends Record<string, unknown> {
  Title?: string;
  Year?: number;
  Status?: string;
  Priorities?: string;
  Goals?: string;
  DecisionItemId?: string;
}

export interface OperatingPlanRecord extends OperatingPlan {
  id: string;
  etag: string;
}

export const planInputSchema = z
  .object({
    priorities: z.array(z.string().trim().min(1, 'En prioritering får inte vara tom.').max(2000)).max(50).default([]),
    goals: z
      .array(
        z
          .object({
            id: z
              .string()
              .regex(/^[A-Za-z0-9-]{1,64}$/, 'Ogiltigt mål-id.')
              .optional(),
            text: z.string().trim().min(1, 'Målet får inte vara tomt.').max(2000),
            activityIds: z
              .array(z.string().regex(/^\d{1,12}$/, 'Ogiltigt aktivitets-id.'))
              .max(200)
              .default([]),
          })
          .strict(),
      )
      .max(50)
      .default([]),
  })
  .strict();
export type PlanInput = z.input<typeof planInputSchema>;

const storedGoalsSchema = z.array(
  z.object({ id: z.string(), text: z.string(), activityIds: z.array(z.string()).default([]) }),
);

function parseGoals(text: string | undefined): OperatingPlanGoal[] {
  if (!text) return [];
  try {
    const parsed = storedGoalsSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

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
    goals: parseGoals(textValue(f.Goals)),
    ...(decisionId ? { decisionId } : {}),
  };
}

function toFields(plan: OperatingPlan): OperatingPlanFields {
  return {
    Title: `Verksamhetsplan ${plan.year}`,
    Year: plan.year,
    Status: plan.status,
    // Priorities are one per line: the plan stays readable in SharePoint itself.
    Priorities: plan.priorities.map((p) => p.replace(/\s*\n\s*/g, ' ')).join('\n'),
    Goals: JSON.stringify(plan.goals),
    DecisionItemId: plan.decisionId ?? '',
  };
}

/** The verksamhetsplan per year: proposed by stödgruppen, decided by samverkansgruppen, goals linked to activities. */
export class OperatingPlanService implements ProposalSource {
  constructor(
    private readonly directory: SiteDirectory,
    private readonly decisions: DecisionsService,
  ) {}

  private where(gateway: GraphGateway) {
    return this.directory.list(gateway, 'operatingPlans');
  }

  async get(gateway: GraphGateway, year: number): Promise<OperatingPlanRecord | undefined> {
    const { siteId, listId } = await this.where(gateway);
    const items = await gateway.listItems<OperatingPlanFields>(siteId, listId, { filter: eq('Year', year) });
    return items.map(toRecord).sort((a, b) => Number(a.id) - Number(b.id))[0];
  }

  /** Writes the proposal for a year: creates it the first time, later only with the ETag read. */
  async save(gateway: GraphGateway, year: number, input: PlanInput, etag?: string): Promise<OperatingPlanRecord> {
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
    const { siteId, listId } = await this.where(gateway);
    if (!current) return toRecord(await gateway.createItem<OperatingPlanFields>(siteId, listId, toFields(plan)));
    if (!etag || !sameEtag(etag, current.etag)) throw new ConflictError(current);
    return this.write(gateway, current.id, toFields(plan), etag);
  }

  async decide(
    gateway: GraphGateway,
    year: number,
    input: DecisionReferenceInput,
    etag: string,
  ): Promise<OperatingPlanRecord> {
    const data = parseOrThrow(decisionReferenceSchema, input);
    const current = await this.get(gateway, year);
    if (!current) throw new DomainRuleError('PLAN_NOT_FOUND', `Det finns ingen verksamhetsplan för ${year}.`);
    if (!sameEtag(etag, current.etag)) throw new ConflictError(current);
    decidePlan(current, 'pending');
    let decisionId: string;
    if ('decisionId' in data) {
      const decision = await this.decisions.get(gateway, data.decisionId);
      // A Decision (not a bare id) lets the domain check that it is about the verksamhetsplan.
      decidePlan(current, toDecision(decision));
      decisionId = decision.id;
    } else {
      const decision = await this.decisions.record(gateway, {
        meetingId: data.meetingId,
        kind: 'verksamhetsplan',
        title: `Verksamhetsplan ${year}`,
        text: data.text ?? `Samverkansgruppen fastställer verksamhetsplanen för ${year}.`,
        subjectRef: `operatingPlan:${year}`,
        ...(data.followUpDue ? { followUpDue: data.followUpDue } : {}),
      });
      decisionId = decision.id;
    }
    const decided = decidePlan(current, decisionId);
    return this.write(gateway, current.id, { Status: decided.status, DecisionItemId: decisionId }, etag);
  }

  async openProposals(gateway: GraphGateway): Promise<OpenProposal[]> {
    const { siteId, listId } = await this.where(gateway);
    const items = await gateway.listItems<OperatingPlanFields>(siteId, listId);
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

  private async write(
    gateway: GraphGateway,
    id: string,
    fields: Partial<OperatingPlanFields>,
    etag: string,
  ): Promise<OperatingPlanRecord> {
    const { siteId, listId } = await this.where(gateway);
    return withConflict<OperatingPlanFields, OperatingPlanRecord>(
      async () => toRecord(await gateway.updateItemFields<OperatingPlanFields>(siteId, listId, id, fields, etag)),
      toRecord,
    );
  }
}
