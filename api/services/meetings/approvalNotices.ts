import type { IAdaptiveCard } from '@microsoft/teams.cards';
import { APPROVAL_STEP_LABELS, formatDateTimeSv, signerStep, type ApprovalStep } from '../../../src/domain';
import { protocolApprovalCard, type ProtocolApprovalCardInput } from '../../cards/cards';
import type { Logger } from '../ports';
import type { OperationJournal, OperationRecord } from '../../state/store';
import { StateConflictError } from '../../state/store';
import type { ContactRecord } from '../contacts';
import type { ApprovalOutcome, ProtocolView } from './protocolRecord';

export type CardPlace = 'chat' | 'general' | 'not-sent';
const CARD_PLACES: readonly CardPlace[] = ['chat', 'general', 'not-sent'];

/** A card being posted by another request is left to it; after this long without a result it is posted again. */
const SENDING_STALE_MS = 2 * 60_000;

type Meeting = { id: string; title: string; date: string };
type Signers = {
  secretaryId: string;
  chairId: string;
  adjusters: readonly string[];
  approvals: ProtocolView['approvals'];
};

function signersOf(view: ProtocolView): Signers {
  return {
    secretaryId: view.secretaryEmail ?? '',
    chairId: view.chairEmail ?? '',
    adjusters: view.adjusterEmails,
    approvals: view.approvals,
  };
}

function stepOf(view: ProtocolView, email: string): Exclude<ApprovalStep, 'klart'> | undefined {
  return view.status === 'saknas' ? undefined : signerStep(signersOf(view), email);
}

/** The card's content; the button only for `reader` when it is their turn. */
export function approvalCardInput(
  meeting: Meeting,
  view: ProtocolView,
  people: readonly ContactRecord[],
  options: { reader?: string; notice?: string; noticeTone?: 'good' | 'attention' } = {},
): ProtocolApprovalCardInput {
  const nameOf = (email: string) => people.find((p) => p.email === email)?.displayName ?? email;
  const signer = (role: string, email: string | undefined) => {
    const approval = view.approvals.find((a) => a.personId === email);
    return {
      role,
      name: email ? nameOf(email) : 'Inte utsedd',
      ...(approval ? { approvedAt: formatDateTimeSv(approval.at) } : {}),
    };
  };
  const locked = view.status === 'justerat';
  const waiting = view.turn?.waitingFor ?? [];
  const waitingFor = waiting
    .map((email) => `${nameOf(email)} (${APPROVAL_STEP_LABELS[stepOf(view, email) ?? 'justerare'].sv.toLowerCase()})`)
    .join(' och ');
  const { reader } = options;
  const readerStep = reader ? stepOf(view, reader) : undefined;
  const myTurn = !locked && reader !== undefined && waiting.includes(reader);
  return {
    meetingId: meeting.id,
    meetingTitle: meeting.title,
    date: meeting.date,
    version: view.version,
    signers: [
      signer('Sekreterare', view.secretaryEmail),
      signer('Ordförande', view.chairEmail),
      ...view.adjusterEmails.map((email) => signer('Justerare', email)),
    ],
    ...(!locked && waitingFor ? { waitingFor } : {}),
    decisions: (view.sections?.beslut ?? []).map((row) => `${row.paragraph} ${row.text}`),
    locked,
    ...(myTurn ? { button: readerStep === 'justerare' ? ('justera' as const) : ('godkann' as const) } : {}),
    ...(options.notice ? { notice: options.notice } : {}),
    ...(options.noticeTone ? { noticeTone: options.noticeTone } : {}),
  };
}

/**
 * The answer to a press of the approval card's button (#15): the card as the protokoll now is, with what happened
 * ("Du godkände protokollet … kl. …", "Protokollet är justerat", "Protokollet har ändrats – godkänn den nya
 * versionen" with the current version's button). Never an error for the reader's own repeat.
 */
export function approvalAnswer(
  meeting: Meeting,
  result: { view: ProtocolView; outcome: ApprovalOutcome },
  people: readonly ContactRecord[],
  reader: { email: string; displayName: string },
): ProtocolApprovalCardInput {
  const { view, outcome } = result;
  const locked = view.status === 'justerat';
  const mine = view.approvals.find((a) => a.personId === reader.email);
  const input = (notice: string, noticeTone: 'good' | 'attention' = 'good') =>
    approvalCardInput(meeting, view, people, { reader: reader.email, notice, noticeTone });
  if (outcome === 'approved' && locked) {
    return input(`Tack ${reader.displayName}: alla har godkänt, protokollet är justerat och låst.`);
  }
  if (outcome === 'approved' && mine) {
    return input(`Tack ${reader.displayName}, du godkände protokollet ${formatDateTimeSv(mine.at)}.`);
  }
  if (outcome === 'already' && mine) {
    const when = `Du godkände protokollet ${formatDateTimeSv(mine.at)}.`;
    return input(locked ? `${when} Protokollet är justerat.` : when);
  }
  if (locked) return input('Protokollet är justerat.');
  if (view.turn?.waitingFor.includes(reader.email)) {
    return input('Protokollet har ändrats – godkänn den nya versionen.', 'attention');
  }
  if (stepOf(view, reader.email)) {
    return input('Protokollet har ändrats. Du får ett nytt kort när det är din tur att godkänna.', 'attention');
  }
  return input('Protokollet har ändrats.', 'attention');
}

const CARD_NOTICES: Record<Exclude<ApprovalStep, 'klart'>, (name: string) => string> = {
  sekreterare: (name) => `${name}, du är sekreterare: godkänn protokollet först.`,
  ordforande: (name) => `${name}, sekreteraren har godkänt: nu är det din tur som ordförande.`,
  justerare: (name) => `${name}, du är justerare: sekreteraren och ordföranden har godkänt.`,
};

function placeOf(record: OperationRecord | undefined): CardPlace | undefined {
  const where = record?.detail?.where;
  return CARD_PLACES.find((place) => place === where);
}

export interface ApprovalCardPoster {
  /** Posts in the person's chat with the bot, else in General addressed by name; 'not-sent' when neither went. */
  post(person: ContactRecord | undefined, card: IAdaptiveCard, summary: string): Promise<CardPlace>;
}

/**
 * The approval card to each person whose turn it is, once per protokoll version and person (journalled before and
 * after the post): saving again, a second press, a repeat or a restart posts no card twice; a redraft is a new
 * version, whose round starts again with one card per person. Returns where each card went.
 */
export async function sendApprovalCards(
  deps: { state: OperationJournal; poster: ApprovalCardPoster; logger?: Logger },
  meeting: Meeting,
  view: ProtocolView,
  people: readonly ContactRecord[],
): Promise<{ email: string; where: CardPlace }[]> {
  // Minnesanteckningar are fastställda by the secretary in the tab: no card, no justering round (protocolKind).
  if (view.status !== 'utkast' || !view.turn || view.kind === 'minnesanteckningar') return [];
  const sentTo: { email: string; where: CardPlace }[] = [];
  for (const email of view.turn.waitingFor) {
    const key = `protocol:${meeting.id}:card:v${view.version}:${email.toLowerCase()}`;
    const earlier = await deps.state.getOperation(key);
    const earlierPlace = placeOf(earlier);
    if (earlier?.status === 'succeeded' && earlierPlace) {
      sentTo.push({ email, where: earlierPlace });
      continue;
    }
    const sending = earlier?.status === 'started' && Date.now() - Date.parse(earlier.updatedAt) < SENDING_STALE_MS;
    if (sending) continue;
    try {
      await deps.state.recordOperation(key, 'started', {}, { ifVersion: earlier?.version ?? 'absent' });
    } catch (error) {
      if (error instanceof StateConflictError) continue; // another request is posting this card
      throw error;
    }
    const person = people.find((p) => p.email === email);
    const step = stepOf(view, email) ?? 'justerare';
    const notice = CARD_NOTICES[step](person?.displayName ?? email);
    const card = protocolApprovalCard(approvalCardInput(meeting, view, people, { reader: email, notice }));
    const summary = `${step === 'justerare' ? 'Justera' : 'Godkänn'} protokollet: ${meeting.title}`;
    const where = await deps.poster.post(person, card, summary);
    await deps.state.recordOperation(key, where === 'not-sent' ? 'failed' : 'succeeded', { where });
    sentTo.push({ email, where });
  }
  return sentTo;
}
