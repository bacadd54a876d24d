import {
  ASSIGNMENT_STATUS_LABELS,
  DomainRuleError,
  DomainValidationError,
  ForbiddenError,
  followsUpAllAssignments,
  openAssignments,
  toIsoDate,
} from '../../src/domain';
import type { AssignmentView } from '../../src/contract';
import type { AssignmentUpdateInput, CardOutcome } from '../bot/deps';
import type { AssignmentsCardInput, TabLinks } from '../cards/cards';
import { ConflictError } from '../graph/errors';
import type { GraphGateway } from '../graph/gateway';
import type { AppServices } from '../services';
import type { ContactRecord } from '../services/contacts';
import type { AssignmentActor } from '../services/economy';
import { NotFoundError } from '../services/errors';
import type { Clock } from '../services/ports';

/** The bot's `uppdrag` card over the uppdrag service: the sender's open ones, or all for the samordnare. */

interface Parts {
  services: AppServices;
  graph: () => GraphGateway;
  clock: Clock;
  links: TabLinks;
}

function actorOf(person: ContactRecord): AssignmentActor {
  return { person, followsUpAll: followsUpAllAssignments(person.roles) };
}

/** The samordnare's list: by owner (in Swedish order), each owner's earliest due first. */
function byOwner(views: AssignmentView[]): AssignmentView[] {
  return openAssignments(views).sort(
    (a, b) => a.assigneeName.localeCompare(b.assigneeName, 'sv') || a.due.localeCompare(b.due),
  );
}

async function cardInput(
  parts: Parts,
  person: ContactRecord,
  notice?: AssignmentsCardInput['notice'],
): Promise<AssignmentsCardInput> {
  const actor = actorOf(person);
  const graph = parts.graph();
  const views = actor.followsUpAll
    ? byOwner(await parts.services.assignments.list(graph))
    : await parts.services.assignments.mine(graph, actor, { openOnly: true });
  return {
    all: actor.followsUpAll,
    rows: views.map((view) => ({
      id: view.id,
      etag: view.etag,
      description: view.description,
      ownerName: view.assigneeName,
      due: view.due,
      status: view.status,
      ...(view.report ? { report: view.report } : {}),
    })),
    today: toIsoDate(parts.clock.now()),
    // Mina uppdrag is on Översikt; the samordnare follows every uppdrag up in Beslut.
    tabUrl: parts.links.page(actor.followsUpAll ? 'beslut' : 'oversikt'),
    ...(notice ? { notice } : {}),
  };
}

function conflictNotice(current: AssignmentView): string {
  const status = ASSIGNMENT_STATUS_LABELS[current.status].sv.toLowerCase();
  const report = current.report ? ` Rapporten lyder nu: ”${current.report}”.` : '';
  return `Någon hann ändra uppdraget ”${current.description}” före dig: det har nu status ${status}.${report} Din ändring sparades inte. Se uppdraget nedan och försök igen.`;
}

export function assignmentBotDeps(parts: Parts) {
  const contact = async (email: string) => parts.services.contacts.findByEmail(parts.graph(), email);
  return {
    async listAssignments(by: { email: string }): Promise<AssignmentsCardInput> {
      const person = await contact(by.email);
      if (!person) throw new ForbiddenError('assignment.report', 'Du finns inte i kontaktlistan.');
      return cardInput(parts, person);
    },

    async updateAssignment(input: AssignmentUpdateInput): Promise<CardOutcome<AssignmentsCardInput>> {
      const person = await contact(input.by.email);
      if (!person) return { ok: false, problem: 'Du finns inte i kontaktlistan.' };
      const patch = { status: input.status, ...(input.report !== undefined ? { report: input.report } : {}) };
      try {
        const saved = await parts.services.assignments.update(
          parts.graph(),
          input.assignmentId,
          actorOf(person),
          patch,
          () => input.etag,
          { asApp: true },
        );
        const status = ASSIGNMENT_STATUS_LABELS[saved.status].sv.toLowerCase();
        const text = `Sparat: ”${saved.description}” har status ${status}.`;
        return { ok: true, card: await cardInput(parts, person, { text, tone: 'good' }) };
      } catch (error) {
        if (error instanceof ConflictError) {
          const notice = { text: conflictNotice(error.current as AssignmentView), tone: 'attention' as const };
          return { ok: true, card: await cardInput(parts, person, notice) };
        }
        if (error instanceof DomainValidationError) {
          return { ok: false, problem: error.issues.map((issue) => issue.message).join(' ') };
        }
        // The service's own message names the list item; the card says it plainly.
        if (error instanceof NotFoundError) return { ok: false, problem: 'Uppdraget finns inte längre.' };
        if (error instanceof DomainRuleError || error instanceof ForbiddenError) {
          return { ok: false, problem: error.message };
        }
        throw error;
      }
    },
  };
}
