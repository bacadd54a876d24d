// First: zod answers in Swedish everywhere in the server.
import '../src/zodLocale';
import type { AddressInfo } from 'node:net';
import { createServer as createHttpServer, type Server } from 'node:http';
import express from 'express';
import type { OrganisationConfig } from '../src/domain';
import type { BotHandle } from './bot';
import { systemClock, type Clock } from './services/ports';
import { createServerJobs } from './composition/jobs';
import { mountTeamsBot } from './composition/teamsBot';
import { redactedSummary, type AppConfig } from './config';
import { createTokenProvider, type GraphTokenProvider } from './auth/tokenProvider';
import { createTokenValidator, type TokenValidator } from './auth/tokenValidator';
import { createGatewayFactory } from './composition/graph';
import { errorMiddleware, notFoundMiddleware, requestIdMiddleware } from './http/errors';
import { createLogger, type Logger } from './http/logger';
import { securityHeaders } from './http/security';
import { timeBudget } from './http/timeBudget';
import { apiRouter } from './routes/api';
import { healthRouter } from './routes/health';
import { tabRouter } from './routes/tab';
import { createServices, type AppServices } from './services';
import { loadOrganisations } from './services/provisioning';
import { createStateStore } from './state';
import type { JobRunner } from './jobs/runner';
import type { ServerStateStore } from './state/store';

export interface ServerDeps {
  logger?: Logger;
  tokenValidator?: TokenValidator;
  tokenProvider?: GraphTokenProvider;
  state?: ServerStateStore;
  organisations?: OrganisationConfig;
  /** The clock of the services, the bot and the timed jobs. */
  clock?: Clock;
  /** How long one API request may take (default REQUEST_TIME_BUDGET_MS). */
  requestTimeBudgetMs?: number;
}

export interface RunningServer {
  app: express.Express;
  services: AppServices;
  /** The Teams bot on POST /api/messages, once mounted (listen waits for it). */
  bot: Promise<BotHandle>;
  /** The timed jobs (reminders); started by listen when JOBS_INTERVAL_SECONDS > 0, or run with runOnce(). */
  jobs: JobRunner;
  /** Resolves with the bound port and URL once the bot is mounted. */
  listen(port?: number, host?: string): Promise<{ port: number; url: string }>;
  close(): Promise<void>;
}

const BODY_LIMIT = '100kb';

/**
 * The composition root: config → token provider → Graph gateway → services → routes and the bot.
 * Middleware order: request id first (every answer carries it), then security headers, then the bot's
 * own sub-app (it parses its own bodies), then JSON with a size limit, routes, 404, and the one error handler.
 */
export function createServer(config: AppConfig, deps: ServerDeps = {}): RunningServer {
  const logger = deps.logger ?? createLogger(config.logLevel);
  const organisations = deps.organisations ?? loadOrganisations(config.organisationsFile);
  const tokenProvider = deps.tokenProvider ?? createTokenProvider(config, logger);
  const tokenValidator = deps.tokenValidator ?? createTokenValidator(config);
  const state = deps.state ?? createStateStore(config);
  const clock = deps.clock ?? systemClock;
  const services = createServices({
    config,
    logger,
    organisations,
    graph: createGatewayFactory(config, tokenProvider),
    state,
    clock,
  });

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.mode === 'tenant' ? 1 : false);
  app.use(requestIdMiddleware);
  app.use(securityHeaders(config));

  // The bot before our JSON parser (the Teams SDK parses its own body).
  const { bot, proactive } = mountTeamsBot(app, { config, services, state, logger, clock });
  const jobs = createServerJobs({
    config,
    services,
    clock,
    state,
    proactive,
    logger,
  });

  app.use('/api', timeBudget(logger, deps.requestTimeBudgetMs));
  app.use(express.json({ limit: BODY_LIMIT, type: ['application/json', 'application/*+json'] }));
  app.use(healthRouter(services));
  app.use('/api', apiRouter(services, tokenValidator));
  app.use(tabRouter(config.tabDir));
  app.use(notFoundMiddleware);
  app.use(errorMiddleware(logger));

  let server: Server | undefined;
  return {
    app,
    services,
    bot,
    jobs: jobs.runner,
    async listen(port = config.port, host = config.host) {
      await Promise.all([bot, state.ready()]);
      const httpServer = createHttpServer(app);
      server = httpServer;
      // Longer than the clients' idle keep-alive (undici 4 s, load balancers more): a server that closes an idle
      // socket first races a request just written on it, which the client sees as a reset connection.
      httpServer.keepAliveTimeout = 30_000;
      await new Promise<void>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => resolve());
      });
      const bound = (httpServer.address() as AddressInfo).port;
      logger.info({ config: redactedSummary(config) }, 'configuration');
      if (config.jobs.intervalSeconds > 0) jobs.runner.start();
      return { port: bound, url: `http://${host}:${bound}` };
    },
    async close() {
      await jobs.close();
      if (server) {
        const s = server;
        s.closeAllConnections();
        await new Promise<void>((resolve) => s.close(() => resolve()));
      }
      await state.close();
    },
  };
}
