import type { IAdaptiveCard } from '@microsoft/teams.cards';
import { formatDateTimeSv, type Meeting, type Person } from '../../src/domain';
import { card, heading, text, facts, actionButton, commandButton, openUrlButton } from './elements';
import { LOCAL_TAB_LINKS, type TabLinks } from './links';
import { meetingFacts } from './meetingCards';

// ------------------------------------------------------------------ news

export function newsCard(newsText: string, by: Person, postedAt: Date): IAdaptiveCard {
  return card([
    heading('Nyhet från samordnaren'),
    text(newsText),
    text(`${by.displayName}, ${formatDateTimeSv(postedAt)}`, { isSubtle: true, size: 'Small' }),
  ]);
}

/**
 * What the coordinator is told: published, or (`unconfirmed`) sent but Teams' answer was lost: it may well be
 * in Allmänt, and it is not sent again, so the card asks to look before sending it anew rather than to retry.
 */
export function newsPostedCard(newsText: string, unconfirmed = false): IAdaptiveCard {
  if (unconfirmed)
    return card([
      heading('Nyheten är skickad till Allmänt'),
      text('Teams bekräftade inte att den kom fram. Titta i kanalen Allmänt innan du skickar den igen:', {
        isSubtle: true,
      }),
      text(newsText),
    ]);
  return card([
    heading('Nyheten är publicerad'),
    text('Den finns nu i kanalen Allmänt:', { isSubtle: true }),
    text(newsText),
  ]);
}

/** A form for the coordinator: write the news in a field instead of after the command. */
export function newsFormCard(): IAdaptiveCard {
  return card(
    [
      heading('Publicera en nyhet'),
      {
        type: 'Input.Text',
        id: 'text',
        label: 'Nyhetens text',
        isMultiline: true,
        isRequired: true,
        maxLength: 2000,
        errorMessage: 'Skriv nyhetens text.',
      },
    ],
    [actionButton('Publicera', { verb: 'news.post' })],
  );
}

// ------------------------------------------------------------------ reminders (jobs)

/** The 14- and 2-day reminder: the meeting, a button to its dagordning and handlingar in the tab (#16). */
export function meetingReminderCard(
  meeting: Meeting,
  daysBefore: number,
  links: TabLinks = LOCAL_TAB_LINKS,
): IAdaptiveCard {
  return card(
    [
      heading(daysBefore === 1 ? 'Påminnelse: möte i morgon' : `Påminnelse: möte om ${daysBefore} dagar`),
      text(meeting.title, { weight: 'Bolder' }),
      facts(meetingFacts(meeting)),
    ],
    [openUrlButton('Dagordning och handlingar', links.page('moten', meeting.id)), commandButton('Visa möten', 'möten')],
  );
}

export function seasonCallReminderCard(year: number, seasonLabel: string, window: string): IAdaptiveCard {
  return card(
    [
      heading(`Dags att kalla till samverkansgruppens ${seasonLabel.toLowerCase()}möte ${year}`),
      text(
        `Samverkansgruppens ${seasonLabel.toLowerCase()}möte ska hållas ${window} och ingen kallelse är skickad ännu. Som ordförande kallar du till mötet.`,
      ),
    ],
    [commandButton('Visa möten', 'möten')],
  );
}
