import type { CardElementArray, IAdaptiveCard } from '@microsoft/teams.cards';
import {
  ACTIVITY_STATUS_LABELS,
  BUDGET_CATEGORY_LABELS,
  SAMVERKANSOMRADE_LABELS,
  formatDateSv,
  formatSek,
  monthNameSv,
  roleLabel,
  weekLabel,
  type Activity,
  type Amounts,
  type Organisation,
  type Person,
  type StatusReport,
  type AgreedException,
} from '../../src/domain';
import { card, heading, text, facts, section, actionButton, actionSet, openUrlButton } from './elements';
import { LOCAL_TAB_LINKS, type TabLinks } from './links';

// ------------------------------------------------------------------ contacts

export function contactsCard(
  people: readonly Person[],
  organisations: readonly Organisation[],
  organisationId?: string,
  links: TabLinks = LOCAL_TAB_LINKS,
): IAdaptiveCard {
  const shown = organisations.filter((org) => organisationId === undefined || org.id === organisationId);
  const title = organisationId
    ? `Kontakter – ${shown[0]?.name ?? organisationId}`
    : 'Kontaktlista – Plan- och byggsamverkan';
  const body: CardElementArray = [heading(title)];
  if (organisationId === undefined) {
    // The whole list is long: the way to one kommun and the tab come first.
    body.push(text('Skriv ”kontakter <kommun>” för en kommun, t.ex. kontakter Umeå.', { isSubtle: true }));
    body.push(actionSet([openUrlButton('Öppna Kontakter', links.page('kontakter'))]));
  }
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

/** At most this many exceptions on the card (a phone); the rest are counted and are in the tab. */
const CARD_EXCEPTIONS = 3;

/**
 * "Överenskomna undantag" (#17) in one text block (a phone shows at most 12 lines before the button): each decision
 * with its kommuner by name and its ceiling; beyond three, a count and the tab.
 */
function exceptionsSection(exceptions: readonly AgreedException[]): CardElementArray {
  if (exceptions.length === 0) return [];
  const shown = exceptions.slice(0, CARD_EXCEPTIONS).map((e) => {
    const name = [e.paragraph === undefined ? '' : `§ ${e.paragraph}`, e.title].filter(Boolean).join(' ');
    const ceiling = e.ceilingOre === undefined ? 'inget tak' : `tak ${formatSek(e.ceilingOre)}`;
    return `${name} (${e.organisations.join(', ')}; ${ceiling})`;
  });
  const more = exceptions.length - shown.length;
  const rest = more > 0 ? `; och ${more} till – öppna fliken` : '';
  return [text(`Överenskomna undantag: ${shown.join('; ')}${rest}.`)];
}

export function statusCard(
  report: StatusReport,
  links: TabLinks = LOCAL_TAB_LINKS,
  exceptions: readonly AgreedException[] = [],
): IAdaptiveCard {
  const button = openUrlButton('Öppna Budget', links.page('budget'));
  const body: CardElementArray = [
    heading(`Ekonomisk lägesrapport ${report.year}`),
    text(`Per ${formatDateSv(report.asOf)} (${report.elapsedDays} av ${report.daysInYear} dagar).`, { isSubtle: true }),
  ];
  if (report.lines.length === 0) {
    body.push(text(`Det finns ingen budget för ${report.year}.`));
    return card(body, [button]);
  }
  body.push(
    // The facts name themselves (Kostnader, Intäkter, Netto): no title line, so the card fits a phone.
    section([
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
  body.push(...exceptionsSection(exceptions));
  return card(body, [button]);
}

export interface OutcomeBookedInput {
  lineName: string;
  amountOre: number;
  date: string;
  text?: string;
  lineOutcomeOre: number;
  lineBudgetOre: number;
}

export function outcomeBookedCard(booked: OutcomeBookedInput, links: TabLinks = LOCAL_TAB_LINKS): IAdaptiveCard {
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
    [
      actionButton('Lägesrapport', { verb: 'command', command: 'lägesrapport' }),
      openUrlButton('Öppna Budget', links.page('budget')),
    ],
  );
}

// ------------------------------------------------------------------ activities

export function activitiesCard(
  activities: readonly Activity[],
  scope: string,
  links: TabLinks = LOCAL_TAB_LINKS,
): IAdaptiveCard {
  const button = openUrlButton('Öppna Aktiviteter', links.page('aktiviteter'));
  const body: CardElementArray = [heading(`Aktiviteter – ${scope}`)];
  const listed = activities
    .filter((activity) => activity.status !== 'struken')
    .slice()
    .sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0));
  if (listed.length === 0) {
    body.push(text('Inga aktiviteter hittades.'));
    return card(body, [button]);
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
  return card(body, [button]);
}

export function activityScopeLabel(year: number, month?: number, area?: keyof typeof SAMVERKANSOMRADE_LABELS): string {
  if (month !== undefined) return `${monthNameSv(month)} ${year}`;
  if (area !== undefined) return `${SAMVERKANSOMRADE_LABELS[area].sv} ${year}`;
  return String(year);
}
