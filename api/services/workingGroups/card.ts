import { MEMBERSHIP_TYPES, type MembershipType } from '../../../src/domain';
import { escapeCardMarkdown as md } from '../../cards/markdown';

/** An Adaptive Card as JSON; the bot's sender carries it as the attachment's content. */
export type AdaptiveCardJson = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };

export interface WelcomeCardInput {
  name: string;
  syfte: string;
  uppdrag: string;
  malsattning?: string;
  members: { displayName: string; organisationName: string; convener: boolean; guest?: boolean }[];
  period: { start: string; end?: string };
  membershipType: MembershipType;
  pageUrl: string;
  /** Who owns a private or shared channel when the sammankallande is a guest (Teams lets no guest own one). */
  channelOwner?: string;
}

const CHANNEL_TYPE_LABELS: Record<MembershipType, string> = {
  standard: 'standardkanal (hela teamet ser den)',
  private: 'privat kanal (bara gruppens medlemmar)',
  shared: 'delad kanal (B2B direct connect)',
};

/**
 * The welcome card the bot posts in a new working group's channel (Adaptive Cards 1.5, Teams' limit). Every
 * text people wrote (names, syfte, uppdrag) is escaped for Teams Markdown (api/cards/markdown).
 */
export function welcomeCard(input: WelcomeCardInput): AdaptiveCardJson {
  const period = input.period.end ? `${input.period.start} – ${input.period.end}` : `från ${input.period.start}`;
  const convener = input.members.find((m) => m.convener);
  const facts = [
    ...(convener
      ? [{ title: 'Sammankallande', value: md(`${convener.displayName}, ${convener.organisationName}`) }]
      : []),
    ...(input.channelOwner && input.membershipType !== 'standard'
      ? [
          {
            title: 'Kanalens ägare',
            value: `${md(input.channelOwner)} (sammankallande är gäst i regionens Microsoft 365 och kan inte äga kanalen)`,
          },
        ]
      : []),
    { title: 'Period', value: period },
    { title: 'Kanal', value: CHANNEL_TYPE_LABELS[input.membershipType] ?? MEMBERSHIP_TYPES[0] },
  ];
  const section = (title: string, text: string) => [
    { type: 'TextBlock', text: title, weight: 'Bolder', spacing: 'Medium' },
    { type: 'TextBlock', text: md(text), wrap: true },
  ];
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      {
        type: 'TextBlock',
        text: `Välkommen till arbetsgruppen ${md(input.name)}`,
        size: 'Large',
        weight: 'Bolder',
        wrap: true,
      },
      ...section('Syfte', input.syfte),
      ...section('Uppdrag', input.uppdrag),
      ...(input.malsattning ? section('Målsättning', input.malsattning) : []),
      { type: 'TextBlock', text: 'Medlemmar', weight: 'Bolder', spacing: 'Medium' },
      {
        type: 'FactSet',
        facts: input.members.map((m) => ({
          title: m.convener ? `${md(m.displayName)} (sammankallande)` : md(m.displayName),
          value: md(m.organisationName),
        })),
      },
      { type: 'FactSet', spacing: 'Medium', facts },
    ],
    actions: [{ type: 'Action.OpenUrl', title: 'Öppna arbetsgruppens sida', url: input.pageUrl }],
  };
}

/** What the bot's `arbetsgrupper` card shows of a group. */
export interface WorkingGroupCardRow {
  name: string;
  status: 'aktiv' | 'avslutad';
  syfte: string;
  members: { displayName: string; convener: boolean }[];
  period: { start: string; end?: string };
  channelUrl?: string;
}

function groupRows(groups: readonly WorkingGroupCardRow[]): Record<string, unknown>[] {
  return groups.map((group) => {
    const convenerName = group.members.find((m) => m.convener)?.displayName;
    const convener = convenerName === undefined ? undefined : md(convenerName);
    const period = group.period.end ? `${group.period.start} – ${group.period.end}` : `från ${group.period.start}`;
    return {
      type: 'Container',
      separator: true,
      items: [
        { type: 'TextBlock', text: md(group.name), weight: 'Bolder', wrap: true },
        { type: 'TextBlock', text: md(group.syfte), wrap: true, isSubtle: true },
        {
          type: 'FactSet',
          facts: [
            { title: 'Medlemmar', value: `${group.members.length}${convener ? `, sammankallande ${convener}` : ''}` },
            { title: 'Period', value: period },
          ],
        },
        ...(group.channelUrl
          ? [
              {
                type: 'ActionSet',
                actions: [{ type: 'Action.OpenUrl', title: 'Öppna kanalen', url: group.channelUrl }],
              },
            ]
          : []),
      ],
    };
  });
}

/** The bot's answer to `arbetsgrupper`: active groups first, then those ended, each with its channel. */
export function workingGroupsListCard(groups: readonly WorkingGroupCardRow[], pageUrl?: string): AdaptiveCardJson {
  const active = groups.filter((g) => g.status === 'aktiv');
  const ended = groups.filter((g) => g.status === 'avslutad');
  const heading = (text: string) => ({ type: 'TextBlock', text, weight: 'Bolder', size: 'Medium', spacing: 'Medium' });
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: 'Arbetsgrupper', size: 'Large', weight: 'Bolder' },
      heading(`Aktiva (${active.length})`),
      ...(active.length ? groupRows(active) : [{ type: 'TextBlock', text: 'Inga aktiva arbetsgrupper.', wrap: true }]),
      heading(`Avslutade (${ended.length})`),
      ...(ended.length ? groupRows(ended) : [{ type: 'TextBlock', text: 'Inga avslutade ännu.', wrap: true }]),
    ],
    ...(pageUrl ? { actions: [{ type: 'Action.OpenUrl', title: 'Öppna Arbetsgrupper', url: pageUrl }] } : {}),
  };
}

/**
 * The bot's answer to `arbetsgrupp ny`: the form lives in the tab, because the channel is created in the
 * coordinator's own name (on-behalf-of their sign-in), which a bot message cannot carry.
 */
export function appointWorkingGroupFormCard(
  pageUrl?: string,
  formUrl = pageUrl && `${pageUrl}?ny=1`,
): AdaptiveCardJson {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: 'Tillsätt en arbetsgrupp', size: 'Large', weight: 'Bolder' },
      {
        type: 'TextBlock',
        wrap: true,
        text: 'Fyll i namn, syfte, uppdrag, målsättning, medlemmar, sammankallande, period, kanaltyp och beslutet i fliken Arbetsgrupper. Kanalen skapas i ditt namn, medlemmarna läggs till och boten välkomnar dem i kanalen.',
      },
    ],
    ...(formUrl ? { actions: [{ type: 'Action.OpenUrl', title: 'Öppna formuläret', url: formUrl }] } : {}),
  };
}
