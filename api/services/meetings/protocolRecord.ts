import { z } from 'zod';
import {
  MEETING_GROUP_LABELS,
  approvalTurn,
  protocolSections,
  type Agenda,
  type ApprovalTurn,
  type Organisation,
  type Person,
  type Protocol,
  type ProtocolApproval,
  type ProtocolKind,
  type ProtocolSections,
  type ProtocolStatus,
} from '../../../src/domain';
import type { ListItemWithFields } from '../../graph/gateway';
import { GraphRequestError } from '../../graph/errors';
import { jsonColumn, type FieldsOf } from '../lists';
import type { Clock } from '../ports';
import { currentOperationKey } from '../../state/operation';
import type { OperationJournal } from '../../state/store';
import type { MeetingRecord } from './register';

/** The protokoll as the Protokoll list stores it and as the API answers it (used by protocol.ts). */
export type ProtocolFields = FieldsOf<'protocols'>;

export interface ProtocolView {
  meetingId: string;
  /** A protokoll or stödgruppen's minnesanteckningar (absent before the record exists). */
  kind?: ProtocolKind;
  status: ProtocolStatus | 'saknas';
  secretaryEmail?: string;
  chairEmail?: string;
  adjusterEmails: string[];
  approvals: ProtocolApproval[];
  lockedAt?: string;
  /** One up with each change that withdraws the approvals (0 before a protokoll exists). */
  version: number;
  /** Whose turn it is to approve (absent before a protokoll exists). */
  turn?: ApprovalTurn;
  sections?: ProtocolSections;
}

/**
 * How an approval went: recorded (`approved`, also for a repeat of the same operation), the caller had approved
 * before (`already`: a second press, an old card), or the caller read another version than the current one
 * (`changed`: nothing recorded).
 */
export type ApprovalOutcome = 'approved' | 'already' | 'changed';

export const versionOf = (item: ListItemWithFields<ProtocolFields>): number => {
  const value = Number(item.fields.Version ?? 0);
  return Number.isInteger(value) && value > 0 ? value : 0;
};

export const lostAnswer = (error: unknown) =>
  error instanceof GraphRequestError && error.transient && error.status !== 429;

export const approvalsColumn = jsonColumn(z.array(z.object({ personId: z.string(), at: z.string() })), []);

export const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/** The dagordning as the kallelse sent it, read back from the register's text ("1. Mötets öppnande"). */
export function agendaFromRecord(record: MeetingRecord): Agenda {
  const items = (record.agendaText ?? '')
    .split('\n')
    .map((line) => /^(\d+)\. (.+)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ number: Number(match[1]), kind: 'extra' as const, title: match[2] as string }));
  return {
    meetingId: record.id,
    group: record.group,
    groupLabel: MEETING_GROUP_LABELS[record.group].sv,
    meetingTitle: record.title,
    date: record.date,
    startTime: record.startTime,
    endTime: record.endTime,
    ...(record.location ? { location: record.location } : {}),
    items,
    documents: [],
  };
}

/** The API's view of a protokoll: its people by e-mail, whose turn it is, and the printed sections. */
export function protocolView(
  meetingId: string,
  protocol: Protocol,
  people: Person[],
  organisations: readonly Organisation[],
  version: number,
): ProtocolView {
  return {
    meetingId,
    kind: protocol.kind ?? 'protokoll',
    status: protocol.status,
    secretaryEmail: protocol.secretaryId,
    chairEmail: protocol.chairId,
    adjusterEmails: [...protocol.adjusters],
    approvals: protocol.approvals,
    ...(protocol.lockedAt ? { lockedAt: protocol.lockedAt } : {}),
    ...(protocol.secretaryChosenByMeeting ? { secretaryChosenByMeeting: true } : {}),
    version,
    turn: approvalTurn(protocol),
    sections: protocolSections(protocol, people, organisations),
  };
}

/** The instant of this operation's approval: journalled, so that a repeat of the operation finds its own. */
export async function approvalInstant(
  journal: OperationJournal | undefined,
  clock: Clock,
  meetingId: string,
): Promise<string> {
  const operation = currentOperationKey();
  const now = clock.now().toISOString();
  if (!journal || !operation) return now;
  const key = `protocol:${meetingId}:approval:${operation}`;
  const earlier = (await journal.getOperation(key))?.detail?.at;
  if (typeof earlier === 'string') return earlier;
  await journal.recordOperation(key, 'started', { at: now });
  return now;
}
