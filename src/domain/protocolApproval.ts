import { DateTime } from 'luxon';
import { z } from 'zod';
import { DomainRuleError } from './errors';
import { assertUnlocked, type Protocol } from './protocol';
import { isLockedStatus } from './protocolKind';
import { approvalTurn, hasApproved, signerStep, type ApprovalStep } from './protocolTurn';
import { parseOrThrow } from './validation';

const atSchema = z
  .string({ error: 'Tidpunkten saknas.' })
  .refine((value) => /T.+(Z|[+-]\d{2}:?\d{2})$/.test(value) && DateTime.fromISO(value).isValid, {
    message: 'Tidpunkten måste vara en tidpunkt med tidszon.',
  });

/** Why an approval out of turn is refused, by the step the protokoll waits for and the caller's part. */
function outOfTurn(waitsFor: ApprovalStep, mine: ApprovalStep): string | undefined {
  if (waitsFor === 'sekreterare' && mine === 'ordforande') return 'Sekreteraren godkänner protokollet först.';
  if (waitsFor === 'sekreterare' && mine === 'justerare') {
    return 'Sekreteraren och ordföranden godkänner protokollet innan justerarna justerar.';
  }
  if (waitsFor === 'ordforande' && mine === 'justerare') {
    return 'Ordföranden godkänner protokollet innan justerarna justerar.';
  }
  return undefined;
}

/**
 * A signer approves, in order (#16): the secretary, then the chair, then the two justerare in either order; the
 * fourth approval makes the protokoll justerat and locks it. Not before the meeting has begun. A repeat by someone
 * who has approved (a double click, a card pressed again, an old card after the lock) is no error (#15): the
 * protokoll is answered as it now is.
 */
export function approveProtocol(protocol: Protocol, personId: string, at: string): Protocol {
  const when = parseOrThrow(atSchema, at);
  if (protocol.kind === 'minnesanteckningar') {
    throw new DomainRuleError('NO_JUSTERING', 'Minnesanteckningar justeras inte; sekreteraren fastställer dem.');
  }
  if (hasApproved(protocol, personId)) return protocol;
  assertUnlocked(protocol);
  const mine = signerStep(protocol, personId);
  if (!mine) {
    throw new DomainRuleError(
      'NOT_A_SIGNER',
      'Endast sekreteraren, mötesordföranden och de två justerarna godkänner protokollet.',
    );
  }
  const instant = DateTime.fromISO(when, { setZone: true }).toUTC();
  if (instant < DateTime.fromISO(protocol.meeting.startUtc, { setZone: true })) {
    throw new DomainRuleError('APPROVAL_BEFORE_MEETING', 'Protokollet kan inte justeras innan mötet har hållits.');
  }
  const refusal = outOfTurn(approvalTurn(protocol).step, mine);
  if (refusal) throw new DomainRuleError('NOT_YOUR_TURN', refusal);
  const atUtc = instant.toISO({ suppressMilliseconds: true }) as string;
  const approvals = [...protocol.approvals.map((a) => ({ ...a })), { personId, at: atUtc }];
  const done = approvalTurn({ ...protocol, approvals }).step === 'klart';
  return {
    ...protocol,
    approvals,
    ...(done ? { status: 'justerat' as const, lockedAt: atUtc } : {}),
  };
}

export function isLocked(protocol: Protocol): boolean {
  return isLockedStatus(protocol.status);
}
