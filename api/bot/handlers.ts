import type { Activity as BotActivity, IConversationUpdateActivity } from '@microsoft/teams.api';
import type { App, IPlugin } from '@microsoft/teams.apps';
import { ADAPTIVE_CARD_CONTENT_TYPE } from '../cards/cards';
import { helpCard } from './helpCard';
import { runCardAction, runText, type Reply, type RunEnvironment } from './commandRunner';
import type { BotDeps } from './deps';
import { conversationFrom, type ActivityRuntime } from './runtime';
import { stripBotMention } from './mention';

function cardMessage(result: Reply) {
  return {
    type: 'message' as const,
    summary: result.summary,
    attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: result.card }],
  };
}

function botWasRemoved(activity: IConversationUpdateActivity): boolean {
  return (activity.membersRemoved ?? []).some((member) => member.id === activity.recipient.id);
}

/** The bot's answers: text commands, card submissions and Action.Execute, install and removal. */
export function registerHandlers(app: App<IPlugin>, deps: BotDeps, env: RunEnvironment, runtime: ActivityRuntime) {
  const { identify, remember, answering, once } = runtime;

  const welcome = async (
    activity: BotActivity,
    send: (message: ReturnType<typeof cardMessage>) => Promise<unknown>,
  ) => {
    const conversation = await remember(activity);
    if (conversation?.kind !== 'personal') return;
    const person = await identify(activity.from.aadObjectId);
    await send(cardMessage({ card: helpCard({ ...(person ? { person } : {}) }), summary: 'Välkommen!' }));
  };

  const forget = async (activity: BotActivity) => {
    const conversation = conversationFrom(activity, deps.clock.now());
    if (conversation) await deps.conversations.remove(conversation.conversationId);
  };

  app.on('message', async (ctx) => {
    const { activity } = ctx;
    const submitted = activity.value !== undefined && activity.value !== null && !activity.text?.trim();
    const result = await answering(() =>
      once(activity, submitted ? activity.value : (activity.text ?? ''), async () => {
        await remember(activity);
        const sender = await identify(activity.from.aadObjectId);
        return submitted ? runCardAction(activity.value, sender, env) : runText(stripBotMention(activity), sender, env);
      }),
    );
    await ctx.send(cardMessage(result));
  });

  app.on('card.action', async (ctx) => {
    const { action } = ctx.activity.value;
    const data = typeof action.data === 'object' && action.data !== null ? action.data : {};
    const result = await answering(() =>
      once(ctx.activity, { ...data, verb: action.verb }, async () =>
        runCardAction({ ...data, verb: action.verb }, await identify(ctx.activity.from.aadObjectId), env),
      ),
    );
    return { statusCode: 200 as const, type: ADAPTIVE_CARD_CONTENT_TYPE, value: result.card };
  });

  app.on('conversationUpdate', async (ctx) => {
    const { activity } = ctx;
    if (botWasRemoved(activity)) return forget(activity);
    const botAdded = (activity.membersAdded ?? []).some((member) => member.id === activity.recipient.id);
    if (botAdded) await welcome(activity, ctx.send);
  });

  app.on('installationUpdate', async (ctx) => {
    if (ctx.activity.action === 'remove') return forget(ctx.activity);
    await welcome(ctx.activity, ctx.send);
  });
}
