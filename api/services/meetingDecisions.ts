import { z } from 'zod';
import {
  DECISION_KINDS,
  DECISION_KIND_LABELS,
  FOLLOW_UP_STATUSES,
  openFollowUps,
  recordDecision,
  type Decision,
  type Meeting,
} from '../../src/domain';
import type { GraphGateway, ListItemWithFields } from '../graph/gateway';
import { eq } from '../graph/odata';
import type { SiteDirectory } from './site';

/**
 * The meetings feature's narrow use of the Beslut list (owned by the decisions feature): decisions taken at
 * a meeting are written here with the meeting's id, and open follow-ups are read for the next dagordning.
 * People are named by e-mail address (`ownerPersonId` holds the owner's address).
 */
export interface MeetingDecisions {
  /** Where Beslut lives, so that a use case can read it in one batch with other lists. */
  list(gateway: GraphGateway): Promise<{ siteId: string; listId: string }>;
  openFollowUpsOf(items: readonly ListItemWithFields[]): Decision[];
  openFollowUps(gateway: GraphGateway): Promise<Decision[]>;
  forMeeting(gateway: GraphGateway, meetingId: string): Promise<Decision[]>;
  record(gateway: GraphGateway, meeting: Meeting, input: unknown): Promise<Decision>;
}

interface BeslutFields extends Record<string, unknown> {
  Title?: string;
  MeetingId?: string;
  DecisionKind?: string;
  DecisionText?: string;
  OwnerEmail?: string;
  FollowUpDate?: string;
  FollowUpStatus?: string;
  DecidedOn?: string;
}

export const meetingDecisionSchema = z
  .object({
    kind: z.enum(DECISION_KINDS, { error: (issue) => `Okänd beslutstyp: ${String(issue.input)}.` }),
    text: z.string().trim().min(1, 'Beslutstexten får inte vara tom.').max(10_000),
    ownerEmail: z.string().trim().toLowerCase().email('Ogiltig e-postadress.').max(255).optional(),
    followUpDue: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ange datum som ÅÅÅÅ-MM-DD.')
      .optional(),
  })
  .strict();

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const date = (value: unknown): string | undefined => text(value)?.slice(0, 10);

function toDecision(item: ListItemWithFields<BeslutFields>): Decision {
  const f = item.fields;
  const kind = DECISION_KINDS.find((k) => k === f.DecisionKind) ?? 'utvardering';
  const owner = text(f.OwnerEmail);
  const due = date(f.FollowUpDate);
  return {
    id: item.id,
    meetingId: text(f.MeetingId) ?? '',
    kind,
    text: text(f.DecisionText) ?? '',
    decidedOn: date(f.DecidedOn) ?? '1900-01-01',
    ...(owner ? { ownerPersonId: owner } : {}),
    followUp: FOLLOW_UP_STATUSES.find((s) => s === f.FollowUpStatus) ?? 'ej_paborjad',
    ...(due ? { followUpDue: due } : {}),
  };
}

export class BeslutListDecisions implements MeetingDecisions {
  constructor(private readonly directory: SiteDirectory) {}

  list(gateway: GraphGateway) {
    return this.directory.list(gateway, 'decisions');
  }

  private where(gateway: GraphGateway) {
    return this.list(gateway);
  }

  openFollowUpsOf(items: readonly ListItemWithFields[]): Decision[] {
    return openFollowUps(items.map((item) => toDecision(item as ListItemWithFields<BeslutFields>)));
  }

  async openFollowUps(gateway: GraphGateway): Promise<Decision[]> {
    const { siteId, listId } = await this.where(gateway);
    return this.openFollowUpsOf(await gateway.listItems<BeslutFields>(siteId, listId));
  }

  async forMeeting(gateway: GraphGateway, meetingId: string): Promise<Decision[]> {
    const { siteId, listId } = await this.where(gateway);
    const items = await gateway.listItems<BeslutFields>(siteId, listId, { filter: eq('MeetingId', meetingId) });
    return items.map(toDecision).sort((a, b) => Number(a.id) - Number(b.id));
  }

  /** The domain refuses decisions at stödgrupp and cancelled meetings. */
  async record(gateway: GraphGateway, meeting: Meeting, input: unknown): Promise<Decision> {
    const data = meetingDecisionSchema.parse(input);
    const decision = recordDecision(
      {
        id: 'ny',
        kind: data.kind,
        text: data.text,
        ...(data.ownerEmail ? { ownerPersonId: data.ownerEmail } : {}),
        ...(data.followUpDue ? { followUpDue: data.followUpDue } : {}),
      },
      meeting,
    );
    const { siteId, listId } = await this.where(gateway);
    const item = await gateway.createItem<BeslutFields>(siteId, listId, {
      Title: `${DECISION_KIND_LABELS[decision.kind].sv}: ${decision.text}`.slice(0, 255),
      MeetingId: meeting.id,
      DecisionKind: decision.kind,
      DecisionText: decision.text,
      ...(decision.ownerPersonId ? { OwnerEmail: decision.ownerPersonId } : {}),
      ...(decision.followUpDue ? { FollowUpDate: decision.followUpDue } : {}),
      FollowUpStatus: decision.followUp,
      DecidedOn: decision.decidedOn,
    });
    return toDecision(item);
  }
}
