import {
  ASSIGNEE_KINDS,
  ASSIGNMENT_STATUSES,
  DomainRuleError,
  ForbiddenError,
  assertDueNotBeforeDecision,
  isActive,
  moveAssignment,
  openAssignments,
  parseOrThrow,
  type AssigneeKind,
  type AssignmentStatus,
} from '../../../src/domain';
import {
  assignmentPatchSchema,
  newAssignmentsSchema,
  type AssignmentView,
  type NewAssignment,
} from '../../../src/contract';
import { ConflictError, GraphRequestError } from '../../graph/errors';
import type { GraphGateway } from '../../graph/gateway';
import { eq } from '../../graph/odata';
import type { ListItemWithFields } from '../../graph/lists';
import type { ContactRecord, ContactsService } from '../contacts';
import { NotFoundError } from '../errors';
import type { DecisionRecord, DecisionsService } from './decisions';
import { plannerTitle, type MirrorSubject, type PlannerMirror } from './plannerMirror';
import { READ_PAGE_SIZE, dateValue, oneOfValue, sameEtag, splitList, textValue, withConflict } from './listFields';
import type { FieldsOf, ListStores } from '../lists';

export type AssignmentFields = FieldsOf<'assignments'>;
type GroupFields = FieldsOf<'workingGroups'>;

/** Who is asking: the contact the request is signed in as, and whether they follow up every uppdrag. */
export interface AssignmentActor {
  person: Pick<ContactRecord, 'id' | 'email'>;
  /** The samordnare follows up (and may report on) every uppdrag. */
  followsUpAll: boolean;
}

/** Names of the people and arbetsgrupper an uppdrag can go to, read once per request. */
export interface Assignees {
  people: Map<string, ContactRecord>;
  groups: Map<string, ListItemWithFields<GroupFields>>;
}

function isNotFound(error: unknown): boolean {
  return error instanceof GraphRequestError && error.status === 404 && error.code !== 'listNotProvisioned';
}

function groupEmails(group: ListItemWithFields<GroupFields>): string[] {
  const convener = textValue(group.fields.ConvenerEmail);
  return [...splitList(group.fields.MemberEmails), ...(convener ? [convener] : [])].map((e) => e.toLowerCase());
}

/** The assignee by name; one no longer in Kontakter or Arbetsgrupper by what it was, never by its list id (#18). */
export function nameOf(assignees: Assignees, kind: AssigneeKind, id: string): string {
  if (kind === 'person') return assignees.people.get(id)?.displayName ?? 'Tidigare kontakt';
  return textValue(assignees.groups.get(id)?.fields.Title) ?? 'Avslutad arbetsgrupp';
}

function toView(item: ListItemWithFields<AssignmentFields>, assignees: Assignees): AssignmentView {
  const f = item.fields;
  const assigneeKind = oneOfValue(ASSIGNEE_KINDS, f.AssigneeKind) ?? 'person';
  const assigneeId = textValue(f.AssigneeId) ?? '';
  const report = textValue(f.Report);
  return {
    id: item.id,
    etag: item.eTag,
    decisionId: textValue(f.DecisionId) ?? '',
    assigneeKind,
    assigneeId,
    assigneeName: nameOf(assignees, assigneeKind, assigneeId),
    description: textValue(f.Title) ?? '',
    due: dateValue(f.DueDate) ?? '1900-01-01',
    status: oneOfValue(ASSIGNMENT_STATUSES, f.Status) ?? 'ej_paborjat',
    ...(report ? { report } : {}),
  };
}

/** An open uppdrag and the contacts its reminders go to (api/jobs/assignmentReminders.ts). */
export interface AssignmentRecipients {
  view: AssignmentView;
  /** The arbetsgrupp's name, when the uppdrag went to one. */
  group?: string;
  recipients: ContactRecord[];
}

/** Uppdrag (#17): delegated by a decision to a person of Kontakter or an arbetsgrupp, followed up to klart. */
export class AssignmentsService {
  constructor(
    private readonly lists: Pick<ListStores, 'assignments' | 'workingGroups'>,
    private readonly contacts: Pick<ContactsService, 'list'>,
    private readonly decisions: Pick<DecisionsService, 'get'>,
    /** PLANNER_MIRROR=on: each uppdrag also a task in the team's plan; without it no Planner call at all. */
    private readonly planner?: PlannerMirror,
  ) {}

  /** The uppdrag as the contract has it; with the mirror on, whether its Planner task is up to date. */
  private view(item: ListItemWithFields<AssignmentFields>, assignees: Assignees): AssignmentView {
    const view = toView(item, assignees);
    if (!this.planner) return view;
    const mirrored = textValue(item.fields.PlannerTaskId) && !textValue(item.fields.PlannerFailedAt);
    return { ...view, planner: mirrored ? 'speglad' : 'inte_speglad' };
  }

  /** The task's title and owner: from the decision and the uppdrag, to the person or the sammankallande. */
  private subject(
    decision: Pick<DecisionRecord, 'title' | 'paragraph'>,
    assignees: Assignees,
    item: ListItemWithFields<AssignmentFields>,
  ) {
    const id = textValue(item.fields.AssigneeId) ?? '';
    const ownerEmail =
      item.fields.AssigneeKind === 'arbetsgrupp'
        ? textValue(assignees.groups.get(id)?.fields.ConvenerEmail)
        : assignees.people.get(id)?.email;
    const subject: MirrorSubject = {
      title: plannerTitle(decision, textValue(item.fields.Title) ?? ''),
      ...(ownerEmail ? { ownerEmail } : {}),
    };
    return subject;
  }

  private async mirror(
    graph: GraphGateway,
    item: ListItemWithFields<AssignmentFields>,
    assignees: Assignees,
    decision?: DecisionRecord,
  ): Promise<ListItemWithFields<AssignmentFields>> {
    if (!this.planner) return item;
    // The decision names the task; one that cannot be read leaves the uppdrag's own words (never a failed write).
    const of =
      decision ??
      (await this.decision(graph, textValue(item.fields.DecisionId) ?? '').catch(() => ({ title: 'Uppdrag' })));
    return this.planner.mirror(graph, item, this.subject(of, assignees, item));
  }

  /** The samordnare's retry of an uppdrag not mirrored in Planner (a failure, or made before the mirror was on). */
  async mirrorAgain(graph: GraphGateway, id: string): Promise<AssignmentView> {
    const [item, assignees] = await Promise.all([this.getItem(graph, id), this.assignees(graph)]);
    return this.view(await this.mirror(graph, item, assignees), assignees);
  }

  private async assignees(graph: GraphGateway): Promise<Assignees> {
    const [people, groups] = await Promise.all([
      this.contacts.list(graph),
      this.lists.workingGroups.find(graph, undefined, { top: READ_PAGE_SIZE }),
    ]);
    return { people: new Map(people.map((p) => [p.id, p])), groups: new Map(groups.map((g) => [g.id, g])) };
  }

  private async decision(graph: GraphGateway, id: string): Promise<DecisionRecord> {
    try {
      return await this.decisions.get(graph, id);
    } catch (error) {
      if (isNotFound(error)) throw new NotFoundError('Beslutet finns inte i beslutsregistret.');
      throw error;
    }
  }

  /** An uppdrag goes to an active person of Kontakter or an active arbetsgrupp. */
  private assertAssignee(assignees: Assignees, input: NewAssignment): void {
    if (input.assigneeKind === 'person') {
      const person = assignees.people.get(input.assigneeId);
      if (!person) throw new DomainRuleError('ASSIGNEE_NOT_FOUND', 'Personen finns inte i kontaktlistan.');
      if (!isActive(person)) {
        throw new DomainRuleError('ASSIGNEE_INACTIVE', `${person.displayName} är avaktiverad och kan inte få uppdrag.`);
      }
      return;
    }
    const group = assignees.groups.get(input.assigneeId);
    if (!group) throw new DomainRuleError('ASSIGNEE_NOT_FOUND', 'Arbetsgruppen finns inte.');
    if (textValue(group.fields.Status) === 'avslutad') {
      throw new DomainRuleError('ASSIGNEE_INACTIVE', 'Arbetsgruppen är avslutad och kan inte få uppdrag.');
    }
  }

  /**
   * Delegates one or more uppdrag by decision `decisionId`. Everything is checked (the decision, each
   * assignee, each due date) before the first write; the creates carry the request's operation key, so a
   * repeated request finds its items.
   */
  async delegate(graph: GraphGateway, decisionId: string, input: unknown, byEmail: string): Promise<AssignmentView[]> {
    const data = parseOrThrow(newAssignmentsSchema, input);
    const [decision, assignees] = await Promise.all([this.decision(graph, decisionId), this.assignees(graph)]);
    for (const assignment of data.assignments) {
      this.assertAssignee(assignees, assignment);
      assertDueNotBeforeDecision(assignment.due, decision.decidedOn);
    }
    const created: AssignmentView[] = [];
    for (const assignment of data.assignments) {
      const fields: AssignmentFields = {
        Title: assignment.description,
        DecisionId: decision.id,
        AssigneeKind: assignment.assigneeKind,
        AssigneeId: assignment.assigneeId,
        DueDate: assignment.due,
        Status: 'ej_paborjat',
        AssignedByEmail: byEmail,
      };
      const item = await this.lists.assignments.create(graph, fields);
      created.push(this.view(await this.mirror(graph, item, assignees, decision), assignees));
    }
    return created;
  }

  /** Every uppdrag (the samordnare's follow-up), or those of one decision; earliest due first. */
  async list(graph: GraphGateway, filter: { decisionId?: string } = {}): Promise<AssignmentView[]> {
    const byDecision = filter.decisionId ? eq('DecisionId', filter.decisionId) : undefined;
    const [items, assignees] = await Promise.all([
      this.lists.assignments.find(graph, byDecision, { top: READ_PAGE_SIZE }),
      this.assignees(graph),
    ]);
    return items
      .map((item) => this.view(item, assignees))
      .sort((a, b) => a.due.localeCompare(b.due) || Number(a.id) - Number(b.id));
  }

  /** The uppdrag that are `actor`'s: their own, and their arbetsgrupper's (convener or member). */
  async mine(
    graph: GraphGateway,
    actor: AssignmentActor,
    options: { openOnly?: boolean } = {},
  ): Promise<AssignmentView[]> {
    const [items, assignees] = await Promise.all([
      this.lists.assignments.find(graph, undefined, { top: READ_PAGE_SIZE }),
      this.assignees(graph),
    ]);
    const views = items
      .filter((item) => this.isOwner(item, assignees, actor))
      .map((item) => this.view(item, assignees))
      .sort((a, b) => a.due.localeCompare(b.due) || Number(a.id) - Number(b.id));
    return options.openOnly ? openAssignments(views) : views;
  }

  /**
   * The open uppdrag with whom to remind: the person it went to, or the arbetsgrupp's convener (else its
   * members); deactivated contacts are left out.
   */
  async openWithRecipients(graph: GraphGateway): Promise<AssignmentRecipients[]> {
    const [items, assignees] = await Promise.all([
      this.lists.assignments.find(graph, undefined, { top: READ_PAGE_SIZE }),
      this.assignees(graph),
    ]);
    const byEmail = new Map([...assignees.people.values()].map((p) => [p.email.toLowerCase(), p]));
    return openAssignments(items.map((item) => toView(item, assignees))).map((view) => {
      if (view.assigneeKind === 'person') {
        const person = assignees.people.get(view.assigneeId);
        return { view, recipients: person && isActive(person) ? [person] : [] };
      }
      const group = assignees.groups.get(view.assigneeId);
      const convener = textValue(group?.fields.ConvenerEmail);
      const emails = convener ? [convener] : splitList(group?.fields.MemberEmails);
      const recipients = emails
        .map((email) => byEmail.get(email.toLowerCase()))
        .filter((p): p is ContactRecord => p !== undefined && isActive(p));
      return { view, group: view.assigneeName, recipients };
    });
  }

  private isOwner(item: ListItemWithFields<AssignmentFields>, assignees: Assignees, actor: AssignmentActor): boolean {
    const id = textValue(item.fields.AssigneeId);
    if (item.fields.AssigneeKind === 'arbetsgrupp') {
      const group = id ? assignees.groups.get(id) : undefined;
      return group !== undefined && groupEmails(group).includes(actor.person.email.toLowerCase());
    }
    return id === actor.person.id;
  }

  /**
   * Moves an uppdrag on and records its report. Only its owner or the samordnare (checked on the item before
   * the If-Match and the body are read); a stale ETag is a conflict carrying the uppdrag as it is now.
   */
  async update(
    graph: GraphGateway,
    id: string,
    actor: AssignmentActor,
    patch: unknown,
    ifMatch: () => string,
    /** A card's change runs as the app, which Planner's delegated permission does not cover. */
    options: { asApp?: boolean } = {},
  ): Promise<AssignmentView> {
    const [item, assignees] = await Promise.all([this.getItem(graph, id), this.assignees(graph)]);
    if (!actor.followsUpAll && !this.isOwner(item, assignees, actor)) {
      throw new ForbiddenError('assignment.report', 'Du har inte behörighet att rapportera på det här uppdraget.');
    }
    const etag = ifMatch();
    const data = parseOrThrow(assignmentPatchSchema, patch);
    const current = toView(item, assignees);
    if (!sameEtag(current.etag, etag)) throw new ConflictError(current);
    const status: AssignmentStatus = moveAssignment(current.status, data.status);
    const fields: Partial<AssignmentFields> = {
      Status: status,
      ...(data.report !== undefined ? { Report: data.report } : {}),
    };
    return withConflict<AssignmentFields, AssignmentView>(
      async () => {
        const updated = await this.lists.assignments.update(graph, id, etag, fields);
        const mirrored = options.asApp
          ? await (this.planner?.markBehind(graph, updated) ?? updated)
          : await this.mirror(graph, updated, assignees);
        return this.view(mirrored, assignees);
      },
      (latest) => this.view(latest, assignees),
    );
  }

  private async getItem(graph: GraphGateway, id: string): Promise<ListItemWithFields<AssignmentFields>> {
    try {
      return await this.lists.assignments.get(graph, id);
    } catch (error) {
      if (isNotFound(error)) throw new NotFoundError('Uppdraget finns inte längre.');
      throw error;
    }
  }
}
