import type { AddressInfo } from 'node:net';
import { createServer as createHttpServer, type Server } from 'node:http';
import { join } from 'node:path';
import express from 'express';
import type { OrganisationConfig } from '../src/domain';
import { redactedSummary, type AppConfig } from './config';
import { createTokenProvider, type GraphTokenProvider } from './auth/tokenProvider';
import { createTokenValidator, type TokenValidator } from './auth/tokenValidator';
import { createGatewayFactory } from './graph/factory';
import {
  ApiError,
  errorBody,
  errorMiddleware,
  notFoundMiddleware,
  requestIdMiddleware,
  requestIdOf,
} from './http/errors';
import { createLogger, type Logger } from './http/logger';
import { securityHeaders } from './http/security';
import { apiRouter } from './routes/api';
import { healthRouter } from './routes/health';
import { tabRouter } from './routes/tab';
import { createServices, type AppServices } from './services';
import { loadOrganisations } from './services/organisations';
import { SqliteStateStore } from './state/sqliteStore';
import type { ServerStateStore } from './state/store';

/** What the bot gets when it is mounted: the same services and store the REST API uses. */
export interface BotMountDeps {
  config: AppConfig;
  logger: Logger;
  services: AppServices;
  state: ServerStateStore;
}

export type MountBot = (expressApp: express.Express, deps: BotMountDeps) => void | Promise<void>;

export interface ServerDeps {
  logger?: Logger;
  tokenValidator?: TokenValidator;
  tokenProvider?: GraphTokenProvider;
  state?: ServerStateStore;
  organisations?: OrganisationConfig;
  now?: () => Date;
  /** The bot (api/bot's mountBot); without it /api/messages answers 503. */
  mountBot?: MountBot;
}

export interface RunningServer {
  app: express.Express;
  services: AppServices;
  /** Resolves with the bound port and URL once the bot (if any) is mounted. */
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
  const state = deps.state ?? new SqliteStateStore(join(config.dataDir, 'server-state.sqlite'));
  const services = createServices({
    config,
    logger,
    organisations,
    graph: createGatewayFactory(config, tokenProvider),
    state,
    now: deps.now,
  });

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.mode === 'tenant' ? 1 : false);
  app.use(requestIdMiddleware);
  app.use(securityHeaders(config));

  // ── Bot mount point ────────────────────────────────────────────────────────────────────────────────
  // api/bot's `mountBot(botApp, { config, logger, services, state })` registers POST /api/messages on this
  // sub-app (Teams SDK ExpressAdapter). It is passed in by scripts/start.ts (deps.mountBot) so that the
  // server does not depend on the bot; mounted before our JSON parser because the bot parses its own body.
  const botApp = express();
  botApp.disable('x-powered-by');
  app.use(botApp);
  const botReady = deps.mountBot
    ? Promise.resolve(deps.mountBot(botApp, { config, logger, services, state }))
    : Promise.resolve();
  botReady.catch((error: unknown) => logger.error({ err: error }, 'bot mount failed'));
  if (!deps.mountBot) {
    app.post('/api/messages', (_req, res) => {
      res
        .status(503)
        .json(
          errorBody(
            new ApiError(503, 'GRAPH_UNAVAILABLE', 'Boten är inte startad på den här servern.'),
            requestIdOf(res),
          ),
        );
    });
  }
  // ───────────────────────────────────────────────────────────────────────────────────────────────────

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
    async listen(port = config.port, host = config.host) {
      await botReady;
      const httpServer = createHttpServer(app);
      server = httpServer;
      httpServer.keepAliveTimeout = 5000;
      await new Promise<void>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => resolve());
      });
      const bound = (httpServer.address() as AddressInfo).port;
      logger.info({ config: redactedSummary(config) }, 'configuration');
      return { port: bound, url: `http://${host}:${bound}` };
    },
    async close() {
      if (server) {
        const s = server;
        s.closeAllConnections();
        await new Promise<void>((resolve) => s.close(() => resolve()));
      }
      state.close();
    },
  };
}
