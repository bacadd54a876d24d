import { isDeepStrictEqual } from 'node:util';
import {
  DomainRuleError,
  createActivity,
  parseOrThrow,
  transitionActivity,
  type Organisation,
  formatDateRangeSv,
} from '../../../src/domain';
import { ConflictError } from '../../graph/errors';
import { firstItemKey } from '../../state/operation';
import { eq } from '../../graph/odata';
import { READ_PAGE_SIZE, formatParticipants, sameEtag, withConflict } from './listFields';
import { type DecisionsService, type OpenProposal, type ProposalSource } from './decisions';
import type { ActivityBudgetLink, ActivityBudgetResult } from './activityBudget';
import type { ListItemsApi, ListStores } from '../lists';
import {
  toActivity,
  toFields,
  toRecord,
  type ActivityFields,
  type ActivityQuery,
  type ActivityRecord,
} from './activityRecord';
import { checkedTagIds, type TopicTagsService } from './topicTags';

export { toActivity, type ActivityRecord } from './activityRecord';
import {
  type ActivityPatch,
  type DecisionReferenceInput,
  type EvaluationInput,
  type NewActivity,
  activityPatchSchema,
  decisionReferenceSchema,
  evaluationInputSchema,
  newActivitySchema,
} from '../../../src/contract';

/**
 * The activity plan (Aktiviteter list): stödgruppen proposes, the samordnare records samverkansgruppen's
 * decision and, afterwards, the evaluation. Every status change goes through the domain's transitions.
 */
export class ActivitiesService implements ProposalSource {
  constructor(
    private readonly lists: Pick<ListStores, 'activities' | 'decisions'>,
    private readonly organisations: readonly Organisation[],
    private readonly decisions: DecisionsService,
    /** Puts a decided activity's cost and participant fees on the budget (#17). */
    private readonly budget?: ActivityBudgetLink,
    /** Ämnestaggar, to check the tags an activity is given (#17). */
    private readonly tags?: Pick<TopicTagsService, 'list'>,
  ) {}

  private async tagFields(
    gateway: ListItemsApi,
    tagIds: readonly string[] | undefined,
    current: readonly string[] = [],
  ): Promise<Pick<ActivityFields, 'TopicTagIds'>> {
    if (tagIds === undefined || !this.tags) return {};
    return { TopicTagIds: (await checkedTagIds(this.tags, gateway, tagIds, current)).join(';') };
  }

  private syncBudget(gateway: ListItemsApi, activity: ActivityRecord): Promise<ActivityBudgetResult | undefined> {
    return this.budget ? this.budget.sync(gateway, toActivity(activity)) : Promise.resolve(undefined);
  }

  async list(gateway: ListItemsApi, query: ActivityQuery = {}): Promise<ActivityRecord[]> {
    const filter = query.year !== undefined ? eq('Year', query.year) : undefined;
    const items = await this.lists.activities.find(gateway, filter, { top: READ_PAGE_SIZE });
    return items
      .map(toRecord)
      .filter((a) => query.area === undefined || a.area === query.area)
      .filter((a) => query.targetGroup === undefined || a.targetGroups.includes(query.targetGroup))
      .filter((a) => query.status === undefined || a.status === query.status)
      .filter((a) => query.month === undefined || Number(a.startDate.slice(5, 7)) === query.month)
      .sort((a, b) => a.startDate.localeCompare(b.startDate) || a.title.localeCompare(b.title, 'sv'));
  }

  async get(gateway: ListItemsApi, id: string): Promise<ActivityRecord> {
    return toRecord(await this.lists.activities.get(gateway, id));
  }

  async propose(gateway: ListItemsApi, input: NewActivity, proposedByEmail: string): Promise<ActivityRecord> {
    const data = parseOrThrow(newActivitySchema, input);
    const activity = createActivity(
      { id: 'new', ...data, ...(data.responsibleEmail ? { responsiblePersonId: data.responsibleEmail } : {}) },
      this.organisations,
    );
    const fields: ActivityFields = {
      ...toFields({ ...activity, ...(data.responsibleEmail ? { responsibleEmail: data.responsibleEmail } : {}) }),
      Status: 'forslag',
      ProposedByEmail: proposedByEmail.toLowerCase(),
      ...(await this.tagFields(gateway, data.tagIds)),
    };
    return toRecord(await this.lists.activities.create(gateway, fields));
  }

  /** Changes what the activity is (not its status); the changed activity must still satisfy the domain. */
  async update(gateway: ListItemsApi, id: string, patch: ActivityPatch, etag: string): Promise<ActivityRecord> {
    const data = parseOrThrow(activityPatchSchema, patch);
    const current = await this.get(gateway, id);
    if (current.status === 'utvarderad' || current.status === 'struken') {
      throw new DomainRuleError('ACTIVITY_FINAL', 'Aktiviteten är avslutad och kan inte ändras.');
    }
    const responsibleEmail = data.responsibleEmail ?? current.responsibleEmail;
    const next = createActivity(
      {
        ...toActivity(current),
        ...data,
        ...(responsibleEmail ? { responsiblePersonId: responsibleEmail } : {}),
      },
      this.organisations,
    );
    const fields = {
      ...toFields({ ...next, ...(responsibleEmail ? { responsibleEmail } : {}) }),
      ...(await this.tagFields(gateway, data.tagIds, current.tagIds)),
    };
    // The user's own change, done by an earlier attempt whose answer was lost (the etag moved on because of
    // it): the item already says what this patch writes, so that is the first result, not a conflict. Anyone
    // else's change in between makes the fields differ, and the write below answers 409 with it.
    const saved =
      !sameEtag(current.etag, etag) && isDeepStrictEqual(fields, this.fieldsOf(current, 'TopicTagIds' in fields))
        ? current
        : await this.write(gateway, id, fields, etag);
    await this.syncBudget(gateway, saved);
    return saved;
  }

  private fieldsOf(current: ActivityRecord, withTags: boolean): ActivityFields {
    const email = current.responsibleEmail;
    const activity = createActivity(
      { ...toActivity(current), ...(email ? { responsiblePersonId: email } : {}) },
      this.organisations,
    );
    const tags = withTags ? { TopicTagIds: current.tagIds.join(';') } : {};
    return { ...toFields({ ...activity, ...(email ? { responsibleEmail: email } : {}) }), ...tags };
  }

  /**
   * Records samverkansgruppen's decision: either an existing Beslut item, or a new one written here for the
   * meeting given. The activity is then beslutad and points to that decision.
   */
  async decide(
    gateway: ListItemsApi,
    id: string,
    input: DecisionReferenceInput,
    etag: string,
  ): Promise<{ activity: ActivityRecord; decisionId: string; budget?: ActivityBudgetResult }> {
    const data = parseOrThrow(decisionReferenceSchema, input);
    const current = await this.get(gateway, id);
    if (!sameEtag(current.etag, etag)) {
      // The user's own decision, done by an earlier attempt whose answer was lost: its first result, with the
      // budget lines that attempt may not have reached (the link finds those it wrote and adds no second).
      const done = await this.decidedByThisOperation(gateway, current, data);
      if (done) return { ...done, budget: await this.syncBudget(gateway, done.activity) };
      throw new ConflictError(current);
    }
    // Checked before any decision is written, so a refused change leaves no orphan in Beslut.
    transitionActivity(toActivity(current), 'beslutad', { decisionId: 'pending' });
    let decisionId: string;
    const proposal = current.proposedAt ? { proposedAt: current.proposedAt } : {};
    if ('decisionId' in data) {
      decisionId = (await this.decisions.reuse(gateway, data.decisionId, 'activity')).id;
    } else {
      const decision = await this.decisions.record(
        gateway,
        {
          meetingId: data.meetingId,
          kind: 'aktiviteter_kalendarium',
          title: `Aktivitet: ${current.title}`.slice(0, 255),
          text: data.text ?? `Samverkansgruppen beslutar att genomföra aktiviteten ${current.title}.`,
          subjectRef: `activity:${current.id}`,
          ...(data.followUpDue ? { followUpDue: data.followUpDue } : {}),
          ...(data.decidedOn ? { decidedOn: data.decidedOn } : {}),
        },
        proposal,
      );
      decisionId = decision.id;
    }
    const decided = transitionActivity(toActivity(current), 'beslutad', { decisionId });
    const activity = await this.write(
      gateway,
      id,
      { Status: decided.status, DecisionItemId: decided.decisionId ?? decisionId },
      etag,
    );
    return { activity, decisionId, budget: await this.syncBudget(gateway, activity) };
  }

  /**
   * Whether `current` was decided by the operation now repeated (issue #15): the Beslut it points to is the one
   * this operation wrote (its OperationKey), or the one this request names.
   */
  private async decidedByThisOperation(
    gateway: ListItemsApi,
    current: ActivityRecord,
    data: { decisionId: string } | object,
  ): Promise<{ activity: ActivityRecord; decisionId: string } | undefined> {
    if (current.status !== 'beslutad' || !current.decisionId) return undefined;
    const decisionId = current.decisionId;
    if ('decisionId' in data) return data.decisionId === decisionId ? { activity: current, decisionId } : undefined;
    const key = firstItemKey('decisions');
    if (key === undefined) return undefined;
    const written = await this.lists.decisions.findByOperationKey(gateway, key);
    return written.some((item) => item.id === decisionId) ? { activity: current, decisionId } : undefined;
  }

  async setStatus(
    gateway: ListItemsApi,
    id: string,
    to: 'genomford' | 'struken',
    etag: string,
  ): Promise<ActivityRecord> {
    const current = await this.get(gateway, id);
    const next = transitionActivity(toActivity(current), to);
    const saved = await this.write(gateway, id, { Status: next.status }, etag);
    await this.syncBudget(gateway, saved); // a struck activity's lines go to 0 kr, marked (struken)
    return saved;
  }

  /**
   * The evaluation after the activity: outcome, participants per organisation and lessons. A decided
   * activity whose dates have passed is taken as genomförd on the way; the domain refuses the rest.
   */
  async evaluate(gateway: ListItemsApi, id: string, input: EvaluationInput, etag: string): Promise<ActivityRecord> {
    const data = parseOrThrow(evaluationInputSchema, input);
    const known = new Set(this.organisations.map((org) => org.id));
    const unknown = Object.keys(data.participantsByOrganisation).filter((org) => !known.has(org));
    if (unknown.length > 0) {
      throw new DomainRuleError('UNKNOWN_ORGANISATION', `Okänd organisation: ${unknown.join(', ')}.`);
    }
    const current = await this.get(gateway, id);
    let activity = toActivity(current);
    if (activity.status === 'beslutad') {
      if (data.date < activity.endDate) {
        throw new DomainRuleError(
          'ACTIVITY_NOT_CARRIED_OUT',
          'Aktiviteten kan utvärderas först när den är genomförd (efter slutdatum).',
        );
      }
      activity = transitionActivity(activity, 'genomford');
    }
    const participantCount = Object.values(data.participantsByOrganisation).reduce((sum, n) => sum + n, 0);
    const evaluated = transitionActivity(activity, 'utvarderad', {
      evaluation: { date: data.date, summary: data.summary, participantCount },
    });
    return this.write(
      gateway,
      id,
      {
        Status: evaluated.status,
        Evaluation: data.summary,
        EvaluatedOn: data.date,
        ParticipantCount: participantCount,
        ParticipantsByOrganisation: formatParticipants(data.participantsByOrganisation),
        Lessons: data.lessons ?? '',
      },
      etag,
    );
  }

  async openProposals(gateway: ListItemsApi): Promise<OpenProposal[]> {
    const proposed = await this.list(gateway, { status: 'forslag' });
    return proposed.map((activity) => ({
      kind: 'aktiviteter_kalendarium' as const,
      title: `Aktivitet: ${activity.title}`,
      text: [activity.description, formatDateRangeSv(activity.startDate, activity.endDate)].filter(Boolean).join('\n'),
      subjectRef: `activity:${activity.id}`,
      date: activity.startDate,
      ...(activity.proposedByEmail ? { proposedByEmail: activity.proposedByEmail } : {}),
    }));
  }

  private async write(
    gateway: ListItemsApi,
    id: string,
    fields: Partial<ActivityFields>,
    etag: string,
  ): Promise<ActivityRecord> {
    return withConflict<ActivityFields, ActivityRecord>(
      async () => toRecord(await this.lists.activities.update(gateway, id, etag, fields)),
      toRecord,
    );
  }
}
