/**
 * Whose turn it is to approve a protokoll (#16): the secretary first, then the chair (mötesordföranden), then the
 * two justerare in either order. Pure and without luxon, so that "Att göra" and the tab may use it.
 */
export const APPROVAL_STEPS = ['sekreterare', 'ordforande', 'justerare', 'klart'] as const;
export type ApprovalStep = (typeof APPROVAL_STEPS)[number];

export const APPROVAL_STEP_LABELS: Record<Exclude<ApprovalStep, 'klart'>, { sv: string; en: string }> = {
  sekreterare: { sv: 'Sekreterare', en: 'Secretary' },
  ordforande: { sv: 'Ordförande', en: 'Chair' },
  justerare: { sv: 'Justerare', en: 'Adjuster' },
};

/**
 * The signers of a protokoll and who of them has approved (ids as the protokoll stores them). Minnesanteckningar
 * (`kind`, protocolKind.ts) have the secretary alone, whose fastställande is the only step.
 */
export interface ProtocolSigners {
  kind?: 'protokoll' | 'minnesanteckningar' | undefined;
  secretaryId: string;
  chairId: string;
  adjusters: readonly string[];
  approvals: readonly { personId: string }[];
}

export interface ApprovalTurn {
  step: ApprovalStep;
  /** Who may approve now: the secretary, the chair, or the justerare who have not yet (empty when done). */
  waitingFor: string[];
}

export function hasApproved(signers: ProtocolSigners, personId: string): boolean {
  return signers.approvals.some((approval) => approval.personId === personId);
}

export function approvalTurn(signers: ProtocolSigners): ApprovalTurn {
  if (!hasApproved(signers, signers.secretaryId)) return { step: 'sekreterare', waitingFor: [signers.secretaryId] };
  if (signers.kind === 'minnesanteckningar') return { step: 'klart', waitingFor: [] };
  if (!hasApproved(signers, signers.chairId)) return { step: 'ordforande', waitingFor: [signers.chairId] };
  const adjusters = signers.adjusters.filter((id) => !hasApproved(signers, id));
  return adjusters.length > 0 ? { step: 'justerare', waitingFor: adjusters } : { step: 'klart', waitingFor: [] };
}

/** The person's part in the approval: secretary, chair or justerare (undefined: not a signer). */
export function signerStep(signers: ProtocolSigners, personId: string): Exclude<ApprovalStep, 'klart'> | undefined {
  if (personId === signers.secretaryId) return 'sekreterare';
  if (signers.kind === 'minnesanteckningar') return undefined;
  if (personId === signers.chairId) return 'ordforande';
  return signers.adjusters.includes(personId) ? 'justerare' : undefined;
}

export function isMyTurn(signers: ProtocolSigners, personId: string): boolean {
  return approvalTurn(signers).waitingFor.includes(personId);
}
