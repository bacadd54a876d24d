import {
  assertCostExceptionOrganisations,
  assertDecisionKind,
  assertMeetingHeld,
  assertNotBeforeProposal,
  convenerSubjectRef,
  DECISION_KINDS,
  DECISION_KIND_LABELS,
  DomainRuleError,
  FOLLOW_UP_STATUSES,
  isPerCapsulam,
  MEETING_GROUPS,
  MEETING_STATUSES,
  MEETING_DRAFT_STATUS,
  nextParagraph,
  openFollowUps,
  parseOrThrow,
  perCapsulamMeeting,
  recordDecision,
  setFollowUp,
  toIsoDate,
  type Decision,
  type DecisionKind,
  type DecisionPurpose,
  type FollowUpStatus,
  type IsoDate,
  type Meeting,
  type Organisation,
} from '../../../src/domain';
import { GraphRequestError } from '../../graph/errors';
import type { ListItemWithFields } from '../../graph/gateway';
import { eq } from '../../graph/odata';
import { READ_PAGE_SIZE, dateValue, integerValue, oneOfValue, splitList, textValue, withConflict } from './listFields';
import { systemClock, type Clock } from '../ports';
import { firstItemKey } from '../../state/operation';
import type { FieldsOf, ListItemsApi, ListStores } from '../lists';
import { type FollowUpPatch, type NewDecision, followUpPatchSchema, newDecisionSchema } from '../../../src/contract';

/** Beslut's fields by internal name (lists/schema.ts). */
export type DecisionFields = FieldsOf<'decisions'>;

/** A decision of the register with the ETag to send back when changing it. */
export interface DecisionRecord {
  id: string;
  etag: string;
  title: string;
  meetingId: string;
  kind: DecisionKind;
  text: string;
  decidedOn?: IsoDate;
  ownerEmail?: string;
  followUp: FollowUpStatus;
  followUpDue?: IsoDate;
  followUpNote?: string;
  /** What the decision is about, e.g. `activity:12` or `operatingPlan:2026`. */
  subjectRef?: string;
  /** Its paragraph in the year's numbering (§ 1, § 2, …). */
  paragraph?: number;
  /** An appointment of a sammankallande (SubjectRef `person:<id>`): its last day in force, when it has one. */
  validUntil?: IsoDate;
  /** A kostnadsundantag (#17): the kommuner it concerns and its ceiling in öre, when it has one. */
  organisationIds?: string[];
  ceilingOre?: number;
  /** The point of the meeting's dagordning it was taken under (#16). */
  agendaItemId?: string;
}

/**
 * A check of a decision about to be recorded that needs more than the register (the person an appointment
 * names is in Kontakter, active and in samverkansgruppen); it throws to refuse, before any write.
 */
export type RecordCheck = (gateway: ListItemsApi, decision: NewDecision & { decidedOn: IsoDate }) => Promise<void>;

/** A kostnadsundantag names kommuner the samverkan knows (#17); checked before the decision is written. */
export function costExceptionCheck(organisations: readonly Organisation[]): RecordCheck {
  return async (_gateway, decision) => {
    if (decision.organisationIds) assertCostExceptionOrganisations(decision.organisationIds, organisations);
  };
}

/** What a caller knows about the proposal a decision decides, for the domain to check the dates. */
export interface RecordOptions {
  /** When the proposal was made (the proposing item's Created); the decision cannot be older. */
  proposedAt?: string;
}

export interface DecisionFilter {
  meetingId?: string;
  kind?: DecisionKind;
  followUp?: FollowUpStatus | 'open';
}

function toRecord(item: ListItemWithFields<DecisionFields>): DecisionRecord {
  const f = item.fields;
  const kind = oneOfValue(DECISION_KINDS, f.DecisionKind) ?? 'utvardering';
  const organisationIds = splitList(f.OrganisationIds);
  const ceilingOre = integerValue(f.CeilingOre);
  return {
    id: item.id,
    etag: item.eTag,
    title: textValue(f.Title) ?? DECISION_KIND_LABELS[kind].sv,
    meetingId: textValue(f.MeetingId) ?? '',
    kind,
    text: textValue(f.DecisionText) ?? '',
    decidedOn: dateValue(f.DecidedOn),
    ownerEmail: textValue(f.OwnerEmail),
    followUp: oneOfValue(FOLLOW_UP_STATUSES, f.FollowUpStatus) ?? 'ej_paborjad',
    followUpDue: dateValue(f.FollowUpDate),
    followUpNote: textValue(f.FollowUpNote),
    subjectRef: textValue(f.SubjectRef),
    paragraph: integerValue(f.Paragraph),
    validUntil: dateValue(f.ValidUntil),
    ...(organisationIds.length > 0 ? { organisationIds } : {}),
    ...(ceilingOre !== undefined ? { ceilingOre } : {}),
    ...(textValue(f.AgendaItemId) ? { agendaItemId: textValue(f.AgendaItemId) } : {}),
  };
}

/** The domain's view of a record, for its rules (open follow-ups, status changes). */
export function toDecision(record: DecisionRecord): Decision {
  return {
    id: record.id,
    meetingId: record.meetingId,
    kind: record.kind,
    text: record.text,
    decidedOn: record.decidedOn ?? '1900-01-01',
    ...(record.ownerEmail ? { ownerPersonId: record.ownerEmail } : {}),
    followUp: record.followUp,
    ...(record.followUpDue ? { followUpDue: record.followUpDue } : {}),
    ...(record.agendaItemId ? { agendaItemId: record.agendaItemId } : {}),
    ...(record.paragraph !== undefined ? { paragraph: record.paragraph } : {}),
  };
}

/** Something stödgruppen has proposed that samverkansgruppen has not decided yet. */
export interface OpenProposal {
  kind: DecisionKind;
  title: string;
  text: string;
  /** What deciding it will point to, e.g. `activity:12`; the decision's SubjectRef. */
  subjectRef: string;
  proposedByEmail?: string;
  /** The date it concerns, when it has one (an activity's start). */
  date?: IsoDate;
}

/** A register of proposals (activities, the verksamhetsplan) that can say which are still undecided. */
export interface ProposalSource {
  openProposals(gateway: ListItemsApi): Promise<OpenProposal[]>;
}

type MeetingItemFields = FieldsOf<'meetings'>;

/** What the decision is about: an appointment names its person (`person:<id>`), others their subject. */
function subjectOf(data: NewDecision): Pick<DecisionFields, 'SubjectRef'> {
  if (data.personId) return { SubjectRef: convenerSubjectRef(data.personId) };
  return data.subjectRef ? { SubjectRef: data.subjectRef } : {};
}

/** The decision register (Beslut list) and the follow-up of decisions until they are closed. */
export class DecisionsService {
  private readonly proposalSources: ProposalSource[] = [];
  private readonly recordChecks: RecordCheck[] = [];

  constructor(
    private readonly lists: Pick<ListStores, 'decisions' | 'meetings'>,
    private readonly clock: Clock = systemClock,
  ) {}

  /** The registers whose undecided items openProposals lists (wired once in services/index.ts). */
  addProposalSource(source: ProposalSource): void {
    this.proposalSources.push(source);
  }

  /**
   * Whether `decisionId` is the decision the current operation referred to or wrote (its first Beslut's key,
   * api/state/operation.ts): a decide whose answer was lost finds its own work done, not someone else's change.
   */
  async isThisOperations(
    gateway: ListItemsApi,
    decisionId: string | undefined,
    data: { decisionId: string } | object,
  ): Promise<boolean> {
    if (!decisionId) return false;
    if ('decisionId' in data) return data.decisionId === decisionId;
    const key = firstItemKey('decisions');
    if (key === undefined) return false;
    return (await this.lists.decisions.findByOperationKey(gateway, key)).some((item) => item.id === decisionId);
  }

  /** A check every decision passes before it is written (wired once in services/index.ts). */
  addRecordCheck(check: RecordCheck): void {
    this.recordChecks.push(check);
  }

  /**
   * What samverkansgruppen has yet to decide (proposed activities, a proposed verksamhetsplan): the meetings
   * feature puts these under "Beslutsärenden" when it builds the dagordning.
   */
  async openProposals(gateway: ListItemsApi): Promise<OpenProposal[]> {
    const lists = await Promise.all(this.proposalSources.map((source) => source.openProposals(gateway)));
    return lists.flat();
  }

  async list(gateway: ListItemsApi, filter: DecisionFilter = {}): Promise<DecisionRecord[]> {
    const byMeeting = filter.meetingId ? eq('MeetingId', filter.meetingId) : undefined;
    const items = await this.lists.decisions.find(gateway, byMeeting, { top: READ_PAGE_SIZE });
    return items
      .map(toRecord)
      .filter((d) => filter.kind === undefined || d.kind === filter.kind)
      .filter((d) =>
        filter.followUp === undefined
          ? true
          : filter.followUp === 'open'
            ? d.followUp !== 'klar'
            : d.followUp === filter.followUp,
      )
      .sort((a, b) => (b.decidedOn ?? '').localeCompare(a.decidedOn ?? '') || Number(b.id) - Number(a.id));
  }

  async get(gateway: ListItemsApi, id: string): Promise<DecisionRecord> {
    return toRecord(await this.lists.decisions.get(gateway, id));
  }

  /** Reads a meeting of the Möten list as the domain needs it to judge who may decide at it. */
  async meeting(gateway: ListItemsApi, meetingId: string): Promise<Meeting> {
    let item: ListItemWithFields<MeetingItemFields>;
    try {
      item = await this.lists.meetings.get(gateway, meetingId);
    } catch (error) {
      if (error instanceof GraphRequestError && error.status === 404 && error.code !== 'listNotProvisioned') {
        throw new DomainRuleError('MEETING_NOT_FOUND', `Mötet ${meetingId} finns inte i mötesregistret.`);
      }
      throw error;
    }
    if (item.fields.Status === MEETING_DRAFT_STATUS) {
      throw new DomainRuleError('MEETING_IS_DRAFT', 'Mötet förbereds ännu och har inte kallats; inga beslut kan tas.');
    }
    const start = textValue(item.fields.StartDateTime);
    const end = textValue(item.fields.EndDateTime) ?? start;
    return {
      id: item.id,
      group: oneOfValue(MEETING_GROUPS, item.fields.MeetingGroup) ?? 'stodgrupp',
      title: textValue(item.fields.Title) ?? '',
      date: start ? toIsoDate(start) : '1900-01-01',
      startTime: '00:00',
      endTime: '00:00',
      startUtc: start ?? '',
      endUtc: end ?? '',
      status: oneOfValue(MEETING_STATUSES, item.fields.Status) ?? 'planerat',
    };
  }

  /**
   * Records a decision taken at a samverkansgrupp meeting that has started, or per capsulam: the domain
   * refuses stödgrupp, cancelled and future meetings and a date before the proposal, all before any write.
   * The decision gets the next paragraph of its year (§ 1, § 2, …).
   */
  async record(gateway: ListItemsApi, input: NewDecision, options: RecordOptions = {}): Promise<DecisionRecord> {
    const data = parseOrThrow(newDecisionSchema, input);
    const meeting = await this.decidingMeeting(gateway, data.meetingId, data.decidedOn);
    const decision = recordDecision(
      {
        id: 'new',
        kind: data.kind,
        text: data.text,
        ...(data.ownerEmail ? { ownerPersonId: data.ownerEmail } : {}),
        ...(data.followUpDue ? { followUpDue: data.followUpDue } : {}),
      },
      meeting,
    );
    if (decision.followUpDue !== undefined && decision.followUpDue < decision.decidedOn) {
      throw new DomainRuleError('FOLLOW_UP_BEFORE_DECISION', 'Uppföljningsdatum ligger före beslutsdatum.');
    }
    assertNotBeforeProposal(decision.decidedOn, options.proposedAt);
    for (const check of this.recordChecks) await check(gateway, { ...data, decidedOn: decision.decidedOn });
    const paragraph = nextParagraph(await this.list(gateway), decision.decidedOn);
    const fields: DecisionFields = {
      Title: data.title ?? `${DECISION_KIND_LABELS[decision.kind].sv} ${decision.decidedOn}`,
      MeetingId: decision.meetingId,
      DecisionKind: decision.kind,
      DecisionText: decision.text,
      DecidedOn: decision.decidedOn,
      FollowUpStatus: decision.followUp,
      Paragraph: paragraph,
      ...(decision.followUpDue ? { FollowUpDate: decision.followUpDue } : {}),
      ...(data.ownerEmail ? { OwnerEmail: data.ownerEmail } : {}),
      ...subjectOf(data),
      ...(data.validUntil ? { ValidUntil: data.validUntil } : {}),
      ...(data.organisationIds ? { OrganisationIds: data.organisationIds.join(';') } : {}),
      ...(data.ceilingOre !== undefined ? { CeilingOre: data.ceilingOre } : {}),
      ...(data.agendaItemId ? { AgendaItemId: data.agendaItemId } : {}),
    };
    return toRecord(await this.lists.decisions.create(gateway, fields));
  }

  /**
   * An existing decision reused for `purpose` (an activity, the verksamhetsplan, an arbetsgrupp, the budget):
   * it must be of the kind the agreement needs. Its date is not checked against when the item was entered: a
   * kalendarium decided as a document in October is entered activity by activity afterwards, and linked to it.
   */
  async reuse(gateway: ListItemsApi, id: string, purpose: DecisionPurpose): Promise<DecisionRecord> {
    let record: DecisionRecord;
    try {
      record = await this.get(gateway, id);
    } catch (error) {
      if (error instanceof GraphRequestError && error.status === 404 && error.code !== 'listNotProvisioned') {
        throw new DomainRuleError('DECISION_NOT_FOUND', `Beslut ${id} finns inte i beslutsregistret.`);
      }
      throw error;
    }
    assertDecisionKind(record, purpose);
    return record;
  }

  /** The meeting a decision is taken at: a held samverkansgrupp meeting, or a per capsulam procedure. */
  private async decidingMeeting(gateway: ListItemsApi, meetingId: string, decidedOn?: IsoDate): Promise<Meeting> {
    const now = this.clock.now();
    if (isPerCapsulam(meetingId)) return perCapsulamMeeting(decidedOn, toIsoDate(now));
    const meeting = await this.meeting(gateway, meetingId);
    if (meeting.group === 'samverkansgrupp' && meeting.status !== 'installt') {
      assertMeetingHeld(meeting, now.toISOString());
    }
    return meeting;
  }

  /** Moves a decision's follow-up on; a stale ETag is a conflict carrying the decision as it is now. */
  async updateFollowUp(gateway: ListItemsApi, id: string, patch: FollowUpPatch, etag: string): Promise<DecisionRecord> {
    const data = parseOrThrow(followUpPatchSchema, patch);
    const current = toRecord(await this.lists.decisions.get(gateway, id));
    const next = setFollowUp(toDecision(current), data.followUp);
    const fields: Partial<DecisionFields> = {
      FollowUpStatus: next.followUp,
      ...(data.note !== undefined ? { FollowUpNote: data.note } : {}),
    };
    return withConflict<DecisionFields, DecisionRecord>(
      async () => toRecord(await this.lists.decisions.update(gateway, id, etag, fields)),
      toRecord,
    );
  }

  /**
   * Decisions whose follow-up is not closed, oldest due date first: what the next meeting's dagordning takes
   * up under "Uppföljning av beslut" until it is set to klar.
   */
  async openFollowUps(gateway: ListItemsApi): Promise<DecisionRecord[]> {
    const records = await this.list(gateway);
    const byId = new Map(records.map((record) => [record.id, record]));
    return openFollowUps(records.map(toDecision)).flatMap((d) => {
      const record = byId.get(d.id);
      return record ? [record] : [];
    });
  }
}
