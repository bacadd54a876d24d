import express, { type Router } from 'express';
import { z } from 'zod';
import { checkRoster, parseOrThrow } from '../../src/domain';
import { apiScope, browserSignIn } from '../config';
import type { TokenValidator } from '../auth/tokenValidator';
import { idempotency } from '../http/idempotency';
import type { AppServices } from '../services';
import { activitiesRouter } from './activities';
import { assignmentsRouter } from './assignments';
import { contactsRouter } from './contacts';
import { budgetRouter } from './budget';
import { authenticate, contextOf } from './context';
import { decisionsRouter } from './decisions';
import { fundersRouter } from './funders';
import { workingGroupsRouter } from './workingGroups';
import { meetingsRouter } from './meetings';
import { mountPeople } from './people';
import { todoRouter } from './todo';

const meetingsQuery = z
  .object({ upcoming: z.enum(['true', 'false'], { error: 'upcoming ska vara true eller false.' }).optional() })
  .strict();
const noQuery = z.object({}).strict();

/** The tab's REST API. Thin: parse and check the request, call a service, shape the answer. */
export function apiRouter(services: AppServices, validator: TokenValidator): Router {
  const router = express.Router();
  const { config } = services;

  router.get('/config', (req, res) => {
    parseOrThrow(noQuery, req.query);
    res.json({
      mode: config.mode,
      tenantId: config.identity.tenantId,
      clientId: config.identity.clientId,
      scope: apiScope(config),
      ...browserSignIn(config),
    });
  });

  router.use(authenticate(validator, services));
  // After authentication: a key is the caller's own (their tenant and object id), never another user's.
  router.use(
    idempotency(
      services.state.idempotency,
      (res) => {
        const { identity } = contextOf(res).caller;
        return [identity.tenantId, identity.objectId];
      },
      services.logger,
    ),
  );
  router.use(workingGroupsRouter(services));

  mountPeople(router, services);

  router.use(contactsRouter(services));

  router.get('/commitments', async (req, res) => {
    parseOrThrow(noQuery, req.query);
    const people = await services.contacts.list(contextOf(res).graph);
    const breaches = checkRoster(services.organisations.organisations, people);
    res.json({ ok: breaches.length === 0, breaches });
  });

  router.get('/meetings', async (req, res) => {
    const query = parseOrThrow(meetingsQuery, req.query);
    const meetings = await services.meetings.list(contextOf(res).graph, { upcoming: query.upcoming === 'true' });
    res.json({ meetings });
  });

  router.use('/meetings', meetingsRouter(services));
  router.use(activitiesRouter(services));
  router.use(fundersRouter(services));
  router.use(budgetRouter(services));
  router.use(decisionsRouter(services));
  router.use(assignmentsRouter(services));
  router.use(todoRouter(services));

  return router;
}
