import type { CardElementArray, IAdaptiveCard } from '@microsoft/teams.cards';
import {
  MEETING_GROUP_LABELS,
  VOTE_LABELS,
  VOTE_VALUES,
  formatDateSv,
  formatDateTimeSv,
  toStockholm,
  weekLabel,
  type Meeting,
  type VoteValue,
} from '../../src/domain';
import {
  MeetingWithAnswers,
  card,
  heading,
  text,
  facts,
  section,
  actionButton,
  commandButton,
  openUrlButton,
} from './elements';
import { LOCAL_TAB_LINKS, type TabLinks } from './links';
import { escapeCardMarkdown } from './markdown';

// ------------------------------------------------------------------ meetings

export function meetingFacts(meeting: Meeting): Array<[string, string]> {
  const rows: Array<[string, string]> = [
    ['När', `${formatDateTimeSv(meeting.startUtc)}–${meeting.endTime} (${weekLabel(meeting.date)})`],
    ['Grupp', MEETING_GROUP_LABELS[meeting.group].sv],
  ];
  if (meeting.location) rows.push(['Plats', meeting.location]);
  return rows;
}

/** How many meetings the phone card lists; the rest are counted and are in the tab. */
export const MEETINGS_ON_CARD = 8;

function shortWhen(meeting: Meeting): string {
  const dt = toStockholm(meeting.startUtc).setLocale('sv');
  return `${dt.toFormat('ccc d LLL').replace(/\./g, '')} ${dt.toFormat('HH:mm')}`;
}

function answeredLine(answers: MeetingWithAnswers['answers']): string {
  const answered = answers.accepted + answers.tentative + answers.declined;
  return `${answered} har svarat, ${answers.notAnswered} har inte svarat`;
}

/**
 * `möten` on a phone: one line per meeting (when, which, answered and not answered), the soonest
 * MEETINGS_ON_CARD of them, a count of the rest, the first warning, and a button to Möten in the tab where the
 * answers per kommun and per person are.
 */
export function meetingsCard(
  meetings: readonly MeetingWithAnswers[],
  links: TabLinks = LOCAL_TAB_LINKS,
): IAdaptiveCard {
  const button = openUrlButton('Öppna Möten', links.page('moten'));
  if (meetings.length === 0) return card([heading('Kommande möten'), text('Inga möten är inplanerade.')], [button]);
  const shown = meetings.slice(0, MEETINGS_ON_CARD);
  const rest = meetings.length - shown.length;
  const body: CardElementArray = [
    heading('Kommande möten'),
    text(
      meetings.length === 1
        ? '1 kommande möte.'
        : `${meetings.length} kommande möten${rest > 0 ? `, de ${shown.length} närmaste:` : '.'}`,
      { isSubtle: true, spacing: 'None' },
    ),
  ];
  for (const { meeting, answers } of shown) {
    // The date is ours (bold); the title is people's text, escaped as text() does.
    body.push({
      type: 'TextBlock',
      text: `**${shortWhen(meeting)}** ${escapeCardMarkdown(`${meeting.title} – ${answeredLine(answers)}`)}`,
      wrap: true,
      spacing: 'Small',
    });
  }
  const warnings = meetings.flatMap((m) => m.warnings ?? []);
  if (warnings.length > 0) {
    const more = warnings.length > 1 ? ` Och ${warnings.length - 1} varningar till i fliken.` : '';
    body.push(text(`${warnings[0]}${more}`, { color: 'Attention', spacing: 'Small' }));
  }
  if (rest > 0) body.push(text(`Och ${rest} möten till i fliken Möten.`, { isSubtle: true, spacing: 'Small' }));
  return card(body, [button]);
}

export function meetingConvenedCard(
  meeting: Meeting,
  created: boolean,
  links: TabLinks = LOCAL_TAB_LINKS,
): IAdaptiveCard {
  return card(
    [
      heading(created ? 'Kallelsen är skickad' : 'Kallelsen var redan skickad'),
      text(meeting.title, { weight: 'Bolder' }),
      facts(meetingFacts(meeting)),
      text('Stödgruppens medlemmar har fått inbjudan med Teamslänk. Svaren syns med kommandot möten.', {
        isSubtle: true,
      }),
    ],
    [commandButton('Möten', 'möten'), openUrlButton('Öppna mötet', links.page('moten', meeting.id))],
  );
}

// ------------------------------------------------------------------ date polls and justering

export interface PollCardCandidate {
  /** The choice's input id, `k1`…; it comes back as the key of the answer. */
  id: string;
  label: string;
  ja: number;
  omDetBehovs: number;
  nej: number;
  kommunerCovered: number;
  kommunerTotal: number;
}

export interface PollCardInput {
  pollId: string;
  title: string;
  /** UTC instant. */
  deadline: string;
  open: boolean;
  voters: number;
  candidates: PollCardCandidate[];
  /** The clicking person's answers, so the refreshed card shows them. */
  myChoices?: Partial<Record<string, VoteValue>>;
  /** A line on top, e.g. "Tack, ditt svar är sparat." */
  notice?: string;
}

/** The date poll in the General channel: each candidate with Ja / Om det behövs / Nej and the tally so far. */
export function pollCard(input: PollCardInput): IAdaptiveCard {
  const body: CardElementArray = [heading(input.title)];
  if (input.notice) body.push(text(input.notice, { color: 'Good', weight: 'Bolder' }));
  body.push(
    text(
      input.open
        ? `Svara för varje förslag senast ${formatDateTimeSv(input.deadline)}. Ditt senaste svar gäller.`
        : `Omröstningen är stängd (svarstiden gick ut ${formatDateTimeSv(input.deadline)}).`,
      { isSubtle: true },
    ),
  );
  for (const candidate of input.candidates) {
    const mine = input.myChoices?.[candidate.id];
    body.push(
      // One line per candidate and a drop-down for the answer, so that six candidates fit a phone.
      section([
        text(
          `${candidate.label}: Ja ${candidate.ja} · Om det behövs ${candidate.omDetBehovs} · Nej ${candidate.nej} · ` +
            `${candidate.kommunerCovered} av ${candidate.kommunerTotal} kommuner har ja`,
        ),
        ...(input.open
          ? [
              {
                type: 'Input.ChoiceSet' as const,
                id: candidate.id,
                label: `Ditt svar för ${candidate.label}`,
                style: 'compact' as const,
                placeholder: 'Välj ditt svar',
                ...(mine ? { value: mine } : {}),
                choices: VOTE_VALUES.map((value) => ({ title: VOTE_LABELS[value].sv, value })),
              },
            ]
          : []),
      ]),
    );
  }
  body.push(text(`${input.voters} har svarat.`, { isSubtle: true, size: 'Small' }));
  return card(body, input.open ? [actionButton('Skicka mitt svar', { verb: 'poll.vote', pollId: input.pollId })] : []);
}

export interface ProtocolApprovalSigner {
  /** "Sekreterare", "Ordförande", "Justerare". */
  role: string;
  name: string;
  /** When they approved, in Stockholm time ("måndag 26 oktober 2026 kl. 14:00"); absent if not yet. */
  approvedAt?: string;
}

export interface ProtocolApprovalCardInput {
  meetingId: string;
  meetingTitle: string;
  /** Stockholm date of the meeting. */
  date: string;
  /** The protokoll's version the card shows: its button approves this version only. */
  version: number;
  /** The four signers in the order they approve: secretary, chair, the two justerare. */
  signers: ProtocolApprovalSigner[];
  /** Whom the protokoll waits for, by name ("Sara Samordnare (sekreterare)"); absent once justerat. */
  waitingFor?: string;
  decisions: string[];
  locked: boolean;
  /** The reader's button when it is their turn: the secretary and the chair godkänner, the justerare justerar. */
  button?: 'godkann' | 'justera';
  notice?: string;
  /** `attention` for a notice that asks for something ("Protokollet har ändrats …"); else `good`. */
  noticeTone?: 'good' | 'attention';
}

/**
 * The approval card (#16): sent to whose turn it is (the secretary, then the chair, then both justerare) and the
 * answer to each press of its button (#15), showing the protokoll as it now is. Approving as someone else, or out
 * of turn, is refused by the bot.
 */
export function protocolApprovalCard(input: ProtocolApprovalCardInput): IAdaptiveCard {
  const body: CardElementArray = [heading(input.locked ? 'Protokollet är justerat' : 'Godkänn protokollet')];
  if (input.notice) {
    const color = input.noticeTone === 'attention' ? 'Attention' : 'Good';
    body.push(text(input.notice, { color, weight: 'Bolder' }));
  }
  body.push(
    text(input.meetingTitle, { weight: 'Bolder' }),
    facts([
      ['Möte', formatDateSv(input.date)],
      ...input.signers.map((signer): [string, string] => [
        `${signer.role}: ${signer.name}`,
        signer.approvedAt ? `godkände ${signer.approvedAt}` : 'har inte godkänt ännu',
      ]),
    ]),
  );
  body.push(
    section([
      text('Beslut', { weight: 'Bolder' }),
      text(input.decisions.length > 0 ? input.decisions.map((d) => `- ${d}`).join('\n') : 'Inga beslut.'),
    ]),
  );
  body.push(
    text(
      input.locked
        ? 'Alla har godkänt. Protokollet är låst och kan inte ändras.'
        : `Sekreteraren godkänner först, sedan ordföranden och sist de två justerarna. ` +
            `Nu väntar protokollet på ${input.waitingFor ?? 'nästa i tur'}. Läs det i fliken Möten.`,
      { isSubtle: true },
    ),
  );
  const label = input.button === 'justera' ? 'Justera protokollet' : 'Godkänn protokollet';
  const data = { verb: 'protocol.approve' as const, meetingId: input.meetingId, version: input.version };
  return card(body, input.button && !input.locked ? [actionButton(label, data)] : []);
}
