import type {
  CardElementArray,
  IAdaptiveCard,
  IContainer,
  IExecuteAction,
  IFact,
  ISubmitAction,
  ITextBlock,
} from '@microsoft/teams.cards';
import {
  ACTIVITY_STATUS_LABELS,
  BUDGET_CATEGORY_LABELS,
  MEETING_GROUP_LABELS,
  SAMVERKANSOMRADE_LABELS,
  VOTE_LABELS,
  VOTE_VALUES,
  formatDateSv,
  formatDateTimeSv,
  formatSek,
  monthNameSv,
  roleLabel,
  weekLabel,
  type Activity,
  type Amounts,
  type Meeting,
  type Organisation,
  type Person,
  type StatusReport,
  type VoteValue,
} from '../../src/domain';
import { escapeCardMarkdown } from './markdown';

/**
 * Every card the app sends to Teams (bot replies, reminders, notices from the use cases), as Adaptive Cards 1.5 (Teams' ceiling). Buttons are Action.Execute with an
 * Action.Submit fallback carrying the same data, so older clients still reach the bot.
 */

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** Invitation answers of a meeting, as the cards and the bot show them. */
export interface MeetingAnswers {
  accepted: number;
  tentative: number;
  declined: number;
  notAnswered: number;
}

export interface KommunAnswers extends MeetingAnswers {
  organisationId: string;
  name: string;
}

export interface MeetingWithAnswers {
  meeting: Meeting;
  answers: MeetingAnswers;
  /** Per organisation with someone invited, in the organisation list's order. */
  byOrganisation?: KommunAnswers[];
  /** Kommuner at risk of not being represented, in Swedish. */
  warnings?: string[];
}

/** The data every card button carries; validated with zod when it comes back (see actions.ts). */
export type CardActionData =
  | { verb: 'command'; command: string }
  | { verb: 'news.post'; text?: string }
  | { verb: 'poll.vote'; pollId: string }
  | { verb: 'protocol.approve'; meetingId: string };

export function card(body: CardElementArray, actions: Array<IExecuteAction | ISubmitAction> = []): IAdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length > 0 ? { actions } : {}),
  };
}

export function heading(text: string): ITextBlock {
  return {
    type: 'TextBlock',
    text: escapeCardMarkdown(text),
    size: 'Large',
    weight: 'Bolder',
    wrap: true,
    style: 'heading',
  };
}

export function text(value: string, options: Partial<Omit<ITextBlock, 'type' | 'text'>> = {}): ITextBlock {
  return { type: 'TextBlock', text: escapeCardMarkdown(value), wrap: true, ...options };
}

export function facts(items: Array<[string, string]>): CardElementArray[number] {
  return {
    type: 'FactSet',
    facts: items.map(([title, value]): IFact => ({
      title: escapeCardMarkdown(title),
      value: escapeCardMarkdown(value),
    })),
  };
}

export function section(items: CardElementArray, separator = true): IContainer {
  return { type: 'Container', separator, spacing: 'Medium', items };
}

/** A button that runs a bot action: Execute for Teams, Submit for clients without Universal Actions. */
export function actionButton(title: string, data: CardActionData): IExecuteAction {
  const { verb, ...rest } = data;
  return {
    type: 'Action.Execute',
    title,
    verb,
    data: { ...rest },
    fallback: { type: 'Action.Submit', title, data: { ...data } },
  };
}

export function commandButton(title: string, command: string): IExecuteAction {
  return actionButton(title, { verb: 'command', command });
}

// ------------------------------------------------------------------ help and errors

export function errorCard(title: string, message: string): IAdaptiveCard {
  return card([heading(title), text(message, { color: 'Attention' })], [commandButton('Hjälp', 'hjälp')]);
}

export function refusalCard(message: string): IAdaptiveCard {
  return errorCard('Det får du inte göra', message);
}

// ------------------------------------------------------------------ meetings

function answersLine(answers: MeetingWithAnswers['answers']): string {
  return `${answers.accepted} ja, ${answers.tentative} kanske, ${answers.declined} nej, ${answers.notAnswered} har inte svarat`;
}

function meetingFacts(meeting: Meeting): Array<[string, string]> {
  const rows: Array<[string, string]> = [
    ['När', `${formatDateTimeSv(meeting.startUtc)}–${meeting.endTime} (${weekLabel(meeting.date)})`],
    ['Grupp', MEETING_GROUP_LABELS[meeting.group].sv],
  ];
  if (meeting.location) rows.push(['Plats', meeting.location]);
  return rows;
}

export function meetingsCard(meetings: readonly MeetingWithAnswers[]): IAdaptiveCard {
  const body: CardElementArray = [heading('Kommande möten')];
  if (meetings.length === 0) {
    body.push(text('Inga möten är inplanerade.'));
    return card(body);
  }
  for (const { meeting, answers, byOrganisation, warnings } of meetings) {
    body.push(
      section([
        text(meeting.title, { weight: 'Bolder' }),
        facts([...meetingFacts(meeting), ['Svar', answersLine(answers)]]),
        ...(byOrganisation && byOrganisation.length > 0
          ? [facts(byOrganisation.map((org): [string, string] => [org.name, answersLine(org)]))]
          : []),
        ...(warnings ?? []).map((warning) => text(warning, { color: 'Attention' })),
      ]),
    );
  }
  return card(body);
}

export function meetingConvenedCard(meeting: Meeting, created: boolean): IAdaptiveCard {
  return card(
    [
      heading(created ? 'Kallelsen är skickad' : 'Kallelsen var redan skickad'),
      text(meeting.title, { weight: 'Bolder' }),
      facts(meetingFacts(meeting)),
      text('Stödgruppens medlemmar har fått inbjudan med Teamslänk. Svaren syns med kommandot möten.', {
        isSubtle: true,
      }),
    ],
    [commandButton('Möten', 'möten')],
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
      section([
        text(candidate.label, { weight: 'Bolder' }),
        text(
          `Ja ${candidate.ja} · Om det behövs ${candidate.omDetBehovs} · Nej ${candidate.nej} · ` +
            `${candidate.kommunerCovered} av ${candidate.kommunerTotal} kommuner har ja`,
          { isSubtle: true },
        ),
        ...(input.open
          ? [
              {
                type: 'Input.ChoiceSet' as const,
                id: candidate.id,
                label: `Ditt svar för ${candidate.label}`,
                style: 'expanded' as const,
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

export interface ProtocolApprovalCardInput {
  meetingId: string;
  meetingTitle: string;
  /** Stockholm date of the meeting. */
  date: string;
  /** The justerare by name, and who of them has approved. */
  adjusters: { name: string; approved: boolean }[];
  decisions: string[];
  locked: boolean;
  notice?: string;
}

/** Sent to each justerare when the protokoll is drafted; approving as someone else is refused by the bot. */
export function protocolApprovalCard(input: ProtocolApprovalCardInput): IAdaptiveCard {
  const body: CardElementArray = [heading(input.locked ? 'Protokollet är justerat' : 'Justera protokollet')];
  if (input.notice) body.push(text(input.notice, { color: 'Good', weight: 'Bolder' }));
  body.push(
    text(input.meetingTitle, { weight: 'Bolder' }),
    facts([
      ['Möte', formatDateSv(input.date)],
      ...input.adjusters.map((adjuster): [string, string] => [
        adjuster.name,
        adjuster.approved ? 'har justerat' : 'har inte justerat ännu',
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
        ? 'Båda justerarna har godkänt. Protokollet är låst och kan inte ändras.'
        : 'Läs protokollet i fliken Möten. När båda justerarna har godkänt låses det.',
      { isSubtle: true },
    ),
  );
  return card(
    body,
    input.locked ? [] : [actionButton('Justera protokollet', { verb: 'protocol.approve', meetingId: input.meetingId })],
  );
}

// ------------------------------------------------------------------ contacts

export function contactsCard(
  people: readonly Person[],
  organisations: readonly Organisation[],
  organisationId?: string,
): IAdaptiveCard {
  const shown = organisations.filter((org) => organisationId === undefined || org.id === organisationId);
  const title = organisationId
    ? `Kontakter – ${shown[0]?.name ?? organisationId}`
    : 'Kontaktlista – Plan- och byggsamverkan';
  const body: CardElementArray = [heading(title)];
  for (const org of shown) {
    const members = people
      .filter((person) => person.organisationId === org.id)
      .slice()
      .sort((a, b) => a.displayName.localeCompare(b.displayName, 'sv'));
    if (members.length === 0 && organisationId === undefined) continue;
    body.push(
      section([
        text(org.name, { weight: 'Bolder' }),
        members.length === 0
          ? text('Ingen kontaktperson registrerad.', { isSubtle: true })
          : facts(
              members.map((person) => [
                person.displayName,
                [person.roles.map((role) => roleLabel(role)).join(', '), person.title, person.email, person.phone]
                  .filter((part): part is string => Boolean(part))
                  .join(' · '),
              ]),
            ),
      ]),
    );
  }
  return card(body);
}

// ------------------------------------------------------------------ economy

function amountsLine(amounts: Amounts): string {
  return `budget ${formatSek(amounts.budgetOre)}, utfall ${formatSek(amounts.outcomeOre)}, prognos ${formatSek(amounts.forecastOre)}, avvikelse ${formatSek(amounts.deviationOre)}`;
}

export function statusCard(report: StatusReport): IAdaptiveCard {
  const body: CardElementArray = [
    heading(`Ekonomisk lägesrapport ${report.year}`),
    text(`Per ${formatDateSv(report.asOf)} (${report.elapsedDays} av ${report.daysInYear} dagar).`, { isSubtle: true }),
  ];
  if (report.lines.length === 0) {
    body.push(text(`Det finns ingen budget för ${report.year}.`));
    return card(body);
  }
  body.push(
    section([
      text('Sammanfattning', { weight: 'Bolder' }),
      facts([
        ['Kostnader', amountsLine(report.byKind.kostnad)],
        ['Intäkter', amountsLine(report.byKind.intakt)],
        ['Netto', amountsLine(report.net)],
      ]),
    ]),
  );
  const categories = Object.entries(report.byCategory) as Array<[keyof typeof BUDGET_CATEGORY_LABELS, Amounts]>;
  body.push(
    section([
      text('Per kategori', { weight: 'Bolder' }),
      facts(categories.map(([category, amounts]) => [BUDGET_CATEGORY_LABELS[category].sv, amountsLine(amounts)])),
    ]),
  );
  const areas = Object.entries(report.byArea) as Array<[keyof typeof SAMVERKANSOMRADE_LABELS, { net: Amounts }]>;
  if (areas.length > 0) {
    body.push(
      section([
        text('Per samverkansområde (netto)', { weight: 'Bolder' }),
        facts(areas.map(([area, amounts]) => [SAMVERKANSOMRADE_LABELS[area].sv, amountsLine(amounts.net)])),
      ]),
    );
  }
  return card(body);
}

export interface OutcomeBookedInput {
  lineName: string;
  amountOre: number;
  date: string;
  text?: string;
  lineOutcomeOre: number;
  lineBudgetOre: number;
}

export function outcomeBookedCard(booked: OutcomeBookedInput): IAdaptiveCard {
  return card(
    [
      heading('Utfall bokfört'),
      facts([
        ['Budgetpost', booked.lineName],
        ['Belopp', formatSek(booked.amountOre)],
        ['Datum', formatDateSv(booked.date)],
        ...(booked.text ? ([['Text', booked.text]] as Array<[string, string]>) : []),
        ['Utfall hittills', `${formatSek(booked.lineOutcomeOre)} av ${formatSek(booked.lineBudgetOre)}`],
      ]),
    ],
    [actionButton('Lägesrapport', { verb: 'command', command: 'lägesrapport' })],
  );
}

// ------------------------------------------------------------------ activities

export function activitiesCard(activities: readonly Activity[], scope: string): IAdaptiveCard {
  const body: CardElementArray = [heading(`Aktiviteter – ${scope}`)];
  const listed = activities
    .filter((activity) => activity.status !== 'struken')
    .slice()
    .sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0));
  if (listed.length === 0) {
    body.push(text('Inga aktiviteter hittades.'));
    return card(body);
  }
  for (const activity of listed) {
    body.push(
      section([
        text(activity.title, { weight: 'Bolder' }),
        facts([
          ['När', `${formatDateSv(activity.startDate)} (${weekLabel(activity.startDate)})`],
          ['Område', SAMVERKANSOMRADE_LABELS[activity.area].sv],
          ['Status', ACTIVITY_STATUS_LABELS[activity.status].sv],
          ...(activity.participantFeeOre > 0
            ? ([['Deltagaravgift', formatSek(activity.participantFeeOre)]] as Array<[string, string]>)
            : []),
        ]),
      ]),
    );
  }
  return card(body);
}

export function activityScopeLabel(year: number, month?: number, area?: keyof typeof SAMVERKANSOMRADE_LABELS): string {
  if (month !== undefined) return `${monthNameSv(month)} ${year}`;
  if (area !== undefined) return `${SAMVERKANSOMRADE_LABELS[area].sv} ${year}`;
  return String(year);
}

// ------------------------------------------------------------------ news

export function newsCard(newsText: string, by: Person, postedAt: Date): IAdaptiveCard {
  return card([
    heading('Nyhet från samordnaren'),
    text(newsText),
    text(`${by.displayName}, ${formatDateTimeSv(postedAt)}`, { isSubtle: true, size: 'Small' }),
  ]);
}

export function newsPostedCard(newsText: string): IAdaptiveCard {
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

export function meetingReminderCard(meeting: Meeting, daysBefore: number): IAdaptiveCard {
  return card(
    [
      heading(daysBefore === 1 ? 'Påminnelse: möte i morgon' : `Påminnelse: möte om ${daysBefore} dagar`),
      text(meeting.title, { weight: 'Bolder' }),
      facts(meetingFacts(meeting)),
    ],
    [commandButton('Visa möten', 'möten')],
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
