import type {
  CardElementArray,
  IAdaptiveCard,
  IContainer,
  IExecuteAction,
  IFact,
  IOpenUrlAction,
  IShowCardAction,
  ISubmitAction,
  ITextBlock,
} from '@microsoft/teams.cards';
import { type Meeting } from '../../src/domain';
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
  | { verb: 'protocol.approve'; meetingId: string; version: number }
  /** The uppdrag card's form: its status and report inputs arrive beside these (assignmentCards.ts). */
  | { verb: 'assignment.update'; assignmentId: string; etag: string };

export type CardAction = IExecuteAction | ISubmitAction | IOpenUrlAction | IShowCardAction;

export function card(body: CardElementArray, actions: CardAction[] = []): IAdaptiveCard {
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

/** A button that opens the tab (a Teams deep link in tenant mode, see links.ts). */
export function openUrlButton(title: string, url: string): IOpenUrlAction {
  return { type: 'Action.OpenUrl', title, url };
}

/** Buttons in the body, where a long card puts them before its list so that a phone shows them at once. */
export function actionSet(actions: CardAction[]): CardElementArray[number] {
  return { type: 'ActionSet', actions } as CardElementArray[number];
}

// ------------------------------------------------------------------ help and errors

export function errorCard(title: string, message: string): IAdaptiveCard {
  return card([heading(title), text(message, { color: 'Attention' })], [commandButton('Hjälp', 'hjälp')]);
}

export function refusalCard(message: string): IAdaptiveCard {
  return errorCard('Det får du inte göra', message);
}
