import {
  DECISION_KIND_LABELS,
  isOpenAssignment,
  type AgendaAssignment,
  type Decision,
  type IsoDate,
  type Meeting,
  type Proposal,
} from '../../../src/domain';
import type { GraphGateway } from '../../graph/gateway';
import {
  toDecision,
  type AssignmentsService,
  type DecisionRecord,
  type DecisionsService,
  type OpenProposal,
} from '../economy';
import { meetingDecisionSchema, type AssignmentView } from '../../../src/contract';

/**
 * The meetings feature's view of the decision register, over the decisions feature's service (one mapping
 * of Beslut, one notion of open follow-ups and open proposals): decisions taken at a meeting are written with
 * the meeting's id, and the next dagordning takes up the open proposals and follow-ups.
 * People are named by e-mail address (`ownerPersonId` holds the owner's address).
 */
export interface MeetingDecisions {
  openFollowUps(gateway: GraphGateway): Promise<Decision[]>;
  /** What stödgruppen has proposed that samverkansgruppen has not decided, as the dagordning's proposals. */
  openProposals(gateway: GraphGateway, today: IsoDate): Promise<Proposal[]>;
  /** The open uppdrag as the dagordning names them: the owner by name, the decision by its number. */
  openAssignments(gateway: GraphGateway): Promise<AgendaAssignment[]>;
  forMeeting(gateway: GraphGateway, meetingId: string): Promise<Decision[]>;
  record(gateway: GraphGateway, meeting: Meeting, input: unknown): Promise<Decision>;
}

/** An open proposal as the domain's Proposal: its subject (e.g. `activity:12`) is its id. */
export function toAgendaProposal(proposal: OpenProposal, today: IsoDate): Proposal {
  return {
    id: proposal.subjectRef,
    kind: proposal.kind,
    title: proposal.title,
    text: proposal.text || proposal.title,
    date: proposal.date ?? today,
    ...(proposal.proposedByEmail ? { proposedByPersonId: proposal.proposedByEmail } : {}),
  };
}

/** Open uppdrag for the dagordning; a decision not in the register is left out (never shown by its id). */
export function toAgendaAssignments(
  views: readonly AssignmentView[],
  decisions: readonly Pick<DecisionRecord, 'id' | 'paragraph' | 'decidedOn' | 'text'>[],
): AgendaAssignment[] {
  const byId = new Map(decisions.map((d) => [d.id, d]));
  return views
    .filter((view) => isOpenAssignment(view.status))
    .map((view) => {
      const decision = byId.get(view.decisionId);
      return {
        description: view.description,
        ownerName: view.assigneeName,
        due: view.due,
        status: view.status,
        ...(decision
          ? {
              decision: {
                ...(decision.paragraph !== undefined ? { paragraph: decision.paragraph } : {}),
                ...(decision.decidedOn ? { decidedOn: decision.decidedOn } : {}),
                ...(decision.text ? { text: decision.text } : {}),
              },
            }
          : {}),
      };
    });
}

export function meetingDecisionsOver(
  decisions: DecisionsService,
  assignments?: Pick<AssignmentsService, 'list'>,
): MeetingDecisions {
  return {
    async openAssignments(gateway) {
      if (!assignments) return [];
      const [views, records] = await Promise.all([assignments.list(gateway), decisions.list(gateway)]);
      return toAgendaAssignments(views, records);
    },

    async openFollowUps(gateway) {
      return (await decisions.openFollowUps(gateway)).map(toDecision);
    },

    async openProposals(gateway, today) {
      return (await decisions.openProposals(gateway)).map((proposal) => toAgendaProposal(proposal, today));
    },

    async forMeeting(gateway, meetingId) {
      const records = await decisions.list(gateway, { meetingId });
      return records.map(toDecision).sort((a, b) => Number(a.id) - Number(b.id));
    },

    /** The domain refuses decisions at stödgrupp and cancelled meetings. */
    async record(gateway, meeting, input) {
      const data = meetingDecisionSchema.parse(input);
      const record = await decisions.record(gateway, {
        meetingId: meeting.id,
        kind: data.kind,
        title: `${DECISION_KIND_LABELS[data.kind].sv}: ${data.text}`.slice(0, 255),
        text: data.text,
        ...(data.ownerEmail ? { ownerEmail: data.ownerEmail } : {}),
        ...(data.followUpDue ? { followUpDue: data.followUpDue } : {}),
        ...(data.personId ? { personId: data.personId } : {}),
        ...(data.validUntil ? { validUntil: data.validUntil } : {}),
        ...(data.agendaItemId ? { agendaItemId: data.agendaItemId } : {}),
      });
      return toDecision(record);
    },
  };
}
