import express from 'express';
import { mountBot, type BotHandle } from '../bot';
import type { AppConfig } from '../config';
import type { Logger } from '../http/logger';
import type { AppServices } from '../services';
import { botMeetingsPoster } from '../services/meetings';
import type { Clock, ProactiveSender } from '../services/ports';
import { botChannelPoster } from '../services/workingGroups';
import type { ServerStateStore } from '../state/store';
import { createBotDeps } from './botDeps';

export interface TeamsBot {
  /** The Teams bot on POST /api/messages, once mounted. */
  bot: Promise<BotHandle>;
  /** The bot's proactive sender, for the timed jobs. */
  proactive: ProactiveSender;
}

/**
 * The bot's own sub-app, mounted on `app` before the server's JSON parser because the Teams SDK parses its own
 * body. The SDK registers POST /api/messages on it during initialisation, which is asynchronous; listen waits
 * for it. The meeting and working-group services post their cards through the bot's proactive sender.
 */
export function mountTeamsBot(
  app: express.Express,
  parts: { config: AppConfig; services: AppServices; state: ServerStateStore; logger: Logger; clock: Clock },
): TeamsBot {
  const { config, services, state, logger, clock } = parts;
  const botApp = express();
  botApp.disable('x-powered-by');
  app.use(botApp);
  const botDeps = createBotDeps({
    config,
    services,
    conversations: state.conversations,
    idempotency: state.idempotency,
    logger,
    clock,
  });
  const bot = mountBot(botApp, botDeps);
  bot.catch((error: unknown) => logger.error({ err: error }, 'bot mount failed'));

  // Reminders go out through the bot's proactive sender, which exists once the bot is mounted.
  const proactive: ProactiveSender = {
    sendCard: async (conversation, card, summary) => (await bot).proactive.sendCard(conversation, card, summary),
    sendMessage: async (conversation, message) => (await bot).proactive.sendMessage(conversation, message),
  };
  services.meetingNotices.usePoster(botMeetingsPoster(proactive, state.conversations, config.teamId));
  services.workingGroups.useCardPoster(botChannelPoster(proactive, state.conversations));
  return { bot, proactive };
}
