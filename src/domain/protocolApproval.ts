import { DateTime } from 'luxon';
import { z } from 'zod';
import { DomainRuleError } from './errors';
import { assertUnlocked, type Protocol } from './protocol';
import { parseOrThrow } from './validation';

const atSchema = z
  .string({ error: 'Tidpunkten saknas.' })
  .refine((value) => /T.+(Z|[+-]\d{2}:?\d{2})$/.test(value) && DateTime.fromISO(value).isValid, {
    message: 'Tidpunkten måste vara en tidpunkt med tidszon.',
  });

/**
 * A justerare approves. Each appointed justerare approves once, not before the meeting has begun; the
 * second approval makes the protocol justerat and locks it.
 */
export function approveProtocol(protocol: Protocol, personId: string, at: string): Protocol {
  const when = parseOrThrow(atSchema, at);
  assertUnlocked(protocol);
  if (!protocol.adjusters.includes(personId)) {
    throw new DomainRuleError('NOT_AN_ADJUSTER', 'Endast en utsedd justerare kan justera protokollet.');
  }
  if (protocol.approvals.some((approval) => approval.personId === personId)) {
    throw new DomainRuleError('ALREADY_APPROVED', 'Du har redan justerat protokollet.');
  }
  const instant = DateTime.fromISO(when, { setZone: true }).toUTC();
  if (instant < DateTime.fromISO(protocol.meeting.startUtc, { setZone: true })) {
    throw new DomainRuleError('APPROVAL_BEFORE_MEETING', 'Protokollet kan inte justeras innan mötet har hållits.');
  }
  const atUtc = instant.toISO({ suppressMilliseconds: true }) as string;
  const approvals = [...protocol.approvals.map((a) => ({ ...a })), { personId, at: atUtc }];
  const done = protocol.adjusters.every((adjusterId) => approvals.some((a) => a.personId === adjusterId));
  return {
    ...protocol,
    approvals,
    ...(done ? { status: 'justerat' as const, lockedAt: atUtc } : {}),
  };
}

export function isLocked(protocol: Protocol): boolean {
  return protocol.status === 'justerat';
}
