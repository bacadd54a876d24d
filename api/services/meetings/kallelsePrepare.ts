import {
  DomainRuleError,
  DomainValidationError,
  buildAgenda,
  draftAgendaItems,
  requireAnyRole,
  requireRole,
  toIsoDate,
  type Agenda,
  type AgendaDocument,
} from '../../../src/domain';
import { sendRequestSchema } from '../../../src/contract';
import type { GraphGateway } from '../../graph/gateway';
import { coalescingListReads } from '../../graph/lists';
import type { ContactRecord } from '../contacts';
import type { ListStores } from '../lists';
import type { Clock } from '../ports';
import type { MeetingDecisions } from './decisions';
import { toDraftRecord, type DraftRecord } from './draftRecord';
import { GraphRequestError } from '../../graph/errors';
import { NotFoundError } from '../errors';
import { agendaMeeting, meetingOf } from './invitation';
import { groupMembers, type MeetingRecord } from './register';
import type { Acting } from './service';

/** What preparing a kallelse reads, from the meetings service. */
export interface KallelseDeps {
  lists: Pick<ListStores, 'meetings'>;
  decisions: MeetingDecisions;
  clock: Clock;
  people(gateway: GraphGateway): Promise<ContactRecord[]>;
  records(gateway: GraphGateway): Promise<MeetingRecord[]>;
  kallaAction: (group: 'samverkansgrupp' | 'stodgrupp') => Parameters<typeof requireRole>[1];
  kallaActions: Parameters<typeof requireAnyRole>[1];
}

/**
 * The draft a kallelse is sent from (or this kallelse's own item, cut short while `skickas`); undefined when the
 * kallelse is done (a repeat of the send, answered from the register). Any other item is no draft to send.
 */
async function draftOf(
  deps: KallelseDeps,
  gateway: GraphGateway,
  id: string,
  operationKey: string,
): Promise<DraftRecord | undefined> {
  const item = await deps.lists.meetings.get(gateway, id).catch((error: unknown) => {
    if (error instanceof GraphRequestError && error.status === 404 && error.code !== 'listNotProvisioned') {
      throw new NotFoundError('Utkastet finns inte.');
    }
    throw error;
  });
  const draft = toDraftRecord(item);
  if (draft) return draft;
  // This kallelse, cut short after the register item became it: sent again with the draft's dagordning.
  if (item.fields.OperationKey === operationKey) return toDraftRecord(item, { sending: true });
  throw new DomainRuleError('DRAFT_ALREADY_CALLED', 'Mötet i utkastet är redan kallat.');
}

/** The draft's points become the dagordning (numbered, föredragande named, handlingar linked). */
function fromDraft(agenda: Agenda, draft: DraftRecord, people: readonly ContactRecord[]): Agenda {
  const names = new Map(people.map((p) => [p.id, p.displayName]));
  return { ...agenda, items: draftAgendaItems(draft.items, (id) => names.get(id)) };
}

/**
 * What a kallelse would send, read only (authorised, validated, the register and the agenda's sources read in
 * one round trip): shared by the send and its preview, so the preview shows exactly what the send makes. From
 * a draft (`draftId`), its dagordning and title are the kallelse's and its register item becomes the meeting.
 */
export async function prepareKallelse(deps: KallelseDeps, gateway: GraphGateway, caller: Acting, input: unknown) {
  requireAnyRole(caller.roles, deps.kallaActions, caller);
  const request = sendRequestSchema.parse(input);
  requireRole(caller.roles, deps.kallaAction(request.group), caller);
  if (!request.online && !request.room) {
    throw new DomainValidationError([{ path: 'room', message: 'Ange en lokal eller välj Teamsmöte.' }]);
  }
  const operationKey = `meeting:${request.group}:${request.idempotencyKey}`;
  // One round trip for the retry check, the register, the follow-ups and the open proposals (and Kontakter).
  const reads = coalescingListReads(gateway);
  const [existing, followUps, openProposals, people, register, assignments, draft] = await Promise.all([
    deps.lists.meetings.findByOperationKey(reads, operationKey),
    deps.decisions.openFollowUps(reads),
    deps.decisions.openProposals(reads, toIsoDate(deps.clock.now())),
    deps.people(reads),
    deps.records(reads),
    deps.decisions.openAssignments(reads),
    request.draftId ? draftOf(deps, gateway, request.draftId, operationKey) : undefined,
  ]);
  if (draft && draft.group !== request.group) {
    throw new DomainValidationError([{ path: 'draftId', message: 'Utkastet gäller en annan grupp.' }]);
  }
  const meeting = meetingOf({ ...request, ...(draft && !request.title ? { title: draft.title } : {}) });
  const generated = buildAgenda({
    meeting: agendaMeeting(meeting),
    openProposals,
    followUps,
    assignments,
    documents: request.documents as AgendaDocument[],
    extraItems: request.extraItems,
    asOf: toIsoDate(deps.clock.now()),
  });
  const agenda = draft ? fromDraft(generated, draft, people) : generated;
  const attendees = groupMembers(people, request.group).filter((p) => p.email !== caller.person.email);
  return { request, meeting, operationKey, existing, register, agenda, attendees, draft };
}
