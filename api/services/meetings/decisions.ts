import { DECISION_KIND_LABELS, type Decision, type IsoDate, type Meeting, type Proposal } from '../../../src/domain';
import type { GraphGateway } from '../../graph/gateway';
import { toDecision, type DecisionsService, type OpenProposal } from '../economy';
import { meetingDecisionSchema } from '../../../src/contract';

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

export function meetingDecisionsOver(decisions: DecisionsService): MeetingDecisions {
  return {
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
      });
      return toDecision(record);
    },
  };
}
