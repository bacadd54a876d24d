import type { CardElementArray, IAdaptiveCard } from '@microsoft/teams.cards';
import {
  MEETING_GROUP_LABELS,
  formatDateTimeSv,
  type AgendaPoint,
  type Meeting,
  type MeetingGroup,
} from '../../src/domain';
import { card, heading, openUrlButton, text, type CardAction } from './elements';
import { LOCAL_TAB_LINKS, type TabLinks } from './links';
import { escapeCardMarkdown } from './markdown';

/** The next meeting and its dagordning as sent, for the bot's `dagordning`. */
export interface AgendaCardInput {
  meeting: Meeting;
  agenda: AgendaPoint[];
  /** The Teams meeting's join URL, when it has one. */
  joinUrl?: string;
}

/** How many points the card lists before "och N punkter till": 3 lines above them, 1 below, at most 12 in all. */
export const AGENDA_POINTS_ON_CARD = 8;

/** A link for card Markdown: only https, with the characters that would end the link encoded. */
function markdownLink(title: string, url: string): string {
  if (!/^https?:\/\//.test(url)) return escapeCardMarkdown(title);
  const safe = url.replace(
    /[()\s<>[\]]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
  return `[${escapeCardMarkdown(title)}](${safe})`;
}

/** "**3.** Budget 2027 · [Budgetförslag.pdf](…)": the point's number ours, its title and handlingar people's text. */
export function agendaPointLine(point: AgendaPoint): string {
  const documents = point.documents.map((doc) => markdownLink(doc.title, doc.url));
  return [`**${point.number}.** ${escapeCardMarkdown(point.title)}`, ...documents].join(' · ');
}

/**
 * `dagordning`: the next meeting's points, one line each with links to their handlingar, the soonest
 * AGENDA_POINTS_ON_CARD of them and a count of the rest; buttons to the meeting in the tab and to the Teams meeting.
 */
export function agendaCard(
  input: AgendaCardInput | undefined,
  group: MeetingGroup | undefined,
  links: TabLinks = LOCAL_TAB_LINKS,
): IAdaptiveCard {
  if (!input) {
    const whose = group ? `${MEETING_GROUP_LABELS[group].sv.toLowerCase()}s` : 'dina grupper';
    return card(
      [heading('Dagordning'), text(`Inget kommande möte för ${whose} är kallat än.`)],
      [openUrlButton('Öppna Möten', links.page('moten'))],
    );
  }
  const { meeting, agenda } = input;
  const shown = agenda.slice(0, AGENDA_POINTS_ON_CARD);
  const rest = agenda.length - shown.length;
  const body: CardElementArray = [
    heading(`Dagordning – ${meeting.title}`),
    text(`${formatDateTimeSv(meeting.startUtc)}–${meeting.endTime}${meeting.location ? `, ${meeting.location}` : ''}`, {
      isSubtle: true,
      spacing: 'None',
    }),
  ];
  if (shown.length === 0) body.push(text('Dagordningen är inte skickad med kallelsen.'));
  for (const point of shown) {
    body.push({ type: 'TextBlock', text: agendaPointLine(point), wrap: true, spacing: 'Small' });
  }
  if (rest > 0) {
    body.push(text(`Och ${rest} punkter till i fliken Möten.`, { isSubtle: true, spacing: 'Small' }));
  }
  const actions: CardAction[] = [openUrlButton('Öppna mötet i fliken', links.page('moten', meeting.id))];
  if (input.joinUrl && /^https:\/\//.test(input.joinUrl)) {
    actions.push(openUrlButton('Anslut till Teamsmötet', input.joinUrl));
  }
  return card(body, actions);
}
