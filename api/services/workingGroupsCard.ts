import { MEMBERSHIP_TYPES, type MembershipType } from '../../src/domain';

/** An Adaptive Card as JSON; the bot's sender carries it as the attachment's content. */
export type AdaptiveCardJson = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };

export interface WelcomeCardInput {
  name: string;
  syfte: string;
  uppdrag: string;
  malsattning?: string;
  members: { displayName: string; organisationName: string; convener: boolean }[];
  period: { start: string; end?: string };
  membershipType: MembershipType;
  pageUrl: string;
}

const CHANNEL_TYPE_LABELS: Record<MembershipType, string> = {
  standard: 'standardkanal (hela teamet ser den)',
  private: 'privat kanal (bara gruppens medlemmar)',
  shared: 'delad kanal (B2B direct connect)',
};

/** The welcome card the bot posts in a new working group's channel (Adaptive Cards 1.5, Teams' limit). */
export function welcomeCard(input: WelcomeCardInput): AdaptiveCardJson {
  const period = input.period.end ? `${input.period.start} – ${input.period.end}` : `från ${input.period.start}`;
  const facts = [
    { title: 'Period', value: period },
    { title: 'Kanal', value: CHANNEL_TYPE_LABELS[input.membershipType] ?? MEMBERSHIP_TYPES[0] },
  ];
  const section = (title: string, text: string) => [
    { type: 'TextBlock', text: title, weight: 'Bolder', spacing: 'Medium' },
    { type: 'TextBlock', text, wrap: true },
  ];
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    lang: 'sv-SE',
    body: [
      {
        type: 'TextBlock',
        text: `Välkommen till arbetsgruppen ${input.name}`,
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
          title: m.convener ? `${m.displayName} (sammankallande)` : m.displayName,
          value: m.organisationName,
        })),
      },
      { type: 'FactSet', spacing: 'Medium', facts },
    ],
    actions: [{ type: 'Action.OpenUrl', title: 'Öppna arbetsgruppens sida', url: input.pageUrl }],
  };
}
