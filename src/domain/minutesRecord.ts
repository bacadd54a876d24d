import { DateTime } from 'luxon';
import { z } from 'zod';
import { DomainRuleError, DomainValidationError } from './errors';
import {
  assertUnlocked,
  attendanceListSchema,
  draftProtocol,
  recordIssues,
  type DraftRecordInput,
  type Protocol,
} from './protocol';
import { approveProtocol } from './protocolApproval';
import { protocolKind } from './protocolKind';
import { hasApproved } from './protocolTurn';
import { idSchema, parseOrThrow } from './validation';

/**
 * Stödgruppen's minnesanteckningar (#16): the protokoll's structure (närvaro, a section per point with the
 * secretary's notes) without justering. The secretary (the samordnare, or a stand-in the meeting chose) fastställer
 * them once; that locks them and starts the archive flow as a justerat protokoll does.
 */

const minutesDraftSchema = z.object({
  id: idSchema,
  attendance: attendanceListSchema,
  secretaryId: z.string({ error: 'Ange sekreteraren.' }).trim().min(1, 'Ange sekreteraren.'),
});

const atSchema = z
  .string({ error: 'Tidpunkten saknas.' })
  .refine((value) => /T.+(Z|[+-]\d{2}:?\d{2})$/.test(value) && DateTime.fromISO(value).isValid, {
    message: 'Tidpunkten måste vara en tidpunkt med tidszon.',
  });

/** Drafts a stödgrupp meeting's minnesanteckningar: a secretary who was present; no chair, no justerare. */
export function draftMinutes(input: DraftRecordInput): Protocol {
  if (protocolKind(input.meeting.group) !== 'minnesanteckningar') {
    throw new DomainRuleError('PROTOCOL_NOT_MINUTES', 'Samverkansgruppens möten får protokoll som justeras.');
  }
  if ((input.chairId ?? '') !== '' || (input.adjusters ?? []).length > 0) {
    throw new DomainValidationError([
      { path: 'adjusterEmails', message: 'Minnesanteckningar har ingen mötesordförande eller justerare att utse.' },
    ]);
  }
  const parsed = parseOrThrow(minutesDraftSchema, {
    id: input.id,
    attendance: input.attendance,
    secretaryId: input.secretaryId,
  });
  const { issues, mustBePresent } = recordIssues(input, parsed.attendance);
  mustBePresent(parsed.secretaryId, 'secretaryId', 'Sekreteraren');
  if (issues.length > 0) throw new DomainValidationError(issues);
  return {
    id: parsed.id,
    kind: 'minnesanteckningar',
    meeting: { ...input.meeting },
    attendance: parsed.attendance,
    decisions: input.decisions.map((decision) => ({ ...decision })),
    agenda: structuredClone(input.agenda),
    secretaryId: parsed.secretaryId,
    chairId: '',
    adjusters: [],
    status: 'utkast',
    approvals: [],
  };
}

/** The meeting's record as its kind has it: a protokoll to justera, or minnesanteckningar to fastställa. */
export function draftRecord(input: DraftRecordInput): Protocol {
  if (protocolKind(input.meeting.group) === 'minnesanteckningar') return draftMinutes(input);
  return draftProtocol({ ...input, chairId: input.chairId ?? '', adjusters: input.adjusters ?? [] });
}

/**
 * The secretary fastställer the minnesanteckningar: recorded with their name and the instant, which locks them. Not
 * before the meeting has begun, and by no one else. A repeat by the secretary after the lock (a second press, a
 * lost answer) is no error: the minnesanteckningar are answered as they are.
 */
export function confirmMinutes(minutes: Protocol, personId: string, at: string): Protocol {
  const when = parseOrThrow(atSchema, at);
  if (minutes.kind !== 'minnesanteckningar') {
    throw new DomainRuleError('PROTOCOL_NOT_MINUTES', 'Ett protokoll justeras; bara minnesanteckningar fastställs.');
  }
  if (hasApproved(minutes, personId) && minutes.status === 'faststallt') return minutes;
  assertUnlocked(minutes);
  if (personId !== minutes.secretaryId) {
    throw new DomainRuleError('NOT_THE_SECRETARY', 'Endast sekreteraren fastställer minnesanteckningarna.');
  }
  const instant = DateTime.fromISO(when, { setZone: true }).toUTC();
  if (instant < DateTime.fromISO(minutes.meeting.startUtc, { setZone: true })) {
    throw new DomainRuleError(
      'APPROVAL_BEFORE_MEETING',
      'Minnesanteckningarna kan inte fastställas innan mötet har hållits.',
    );
  }
  const atUtc = instant.toISO({ suppressMilliseconds: true }) as string;
  return { ...minutes, approvals: [{ personId, at: atUtc }], status: 'faststallt', lockedAt: atUtc };
}

/** The signer's step on the meeting's record: an approval of a protokoll, the fastställande of minnesanteckningar. */
export function approveRecord(record: Protocol, personId: string, at: string): Protocol {
  return record.kind === 'minnesanteckningar'
    ? confirmMinutes(record, personId, at)
    : approveProtocol(record, personId, at);
}
