import express, { type Router } from 'express';
import { z } from 'zod';
import {
  ACTIVITY_STATUSES,
  SAMVERKANSOMRADEN,
  TARGET_GROUPS,
  parseOrThrow,
  planCoverage,
  requireAnyRole,
  requireRole,
  toIsoDate,
} from '../../src/domain';
import { apiErrors } from '../http/errors';
import type { AppServices } from '../services';
import { toActivity } from '../services/economy';
import { contextOf } from './context';
import {
  activityPatchSchema,
  activityStatusSchema,
  decisionReferenceSchema,
  evaluationInputSchema,
  newActivitySchema,
  planInputSchema,
  yearInput,
} from '../../src/contract';

const itemParam = z.object({ id: z.string().regex(/^\d{1,12}$/, 'Ogiltigt id.') });
const yearParam = z.object({ year: yearInput });
const listQuery = z
  .object({
    year: yearInput.optional(),
    area: z.enum(SAMVERKANSOMRADEN, { error: 'Okänt samverkansområde.' }).optional(),
    targetGroup: z.enum(TARGET_GROUPS, { error: 'Okänd målgrupp.' }).optional(),
    status: z.enum(ACTIVITY_STATUSES, { error: 'Okänd status.' }).optional(),
  })
  .strict();
const noQuery = z.object({}).strict();

export function requireIfMatch(header: string | undefined, what: string): string {
  if (!header) throw apiErrors.validation([{ path: 'If-Match', message: `If-Match med ${what} etag krävs.` }]);
  return header;
}

/** Aktiviteter and Verksamhetsplan for the tab: thin, each write checked against the caller's roles first. */
export function activitiesRouter(services: AppServices): Router {
  const router = express.Router();
  mountActivities(router, services);
  mountOperatingPlan(router, services);
  return router;
}

/** Activities: list, propose, change (If-Match), decide, status, evaluation. */
function mountActivities(router: Router, services: AppServices): void {
  const { activities } = services.economy;
  router.get('/activities', async (req, res) => {
    const query = parseOrThrow(listQuery, req.query);
    res.json({ activities: await activities.list(contextOf(res).graph, query) });
  });

  router.post('/activities', async (req, res) => {
    const { caller, graph } = contextOf(res);
    requireRole(caller.roles, 'activity.propose');
    const input = parseOrThrow(newActivitySchema, req.body ?? {});
    const activity = await activities.propose(graph, input, caller.person.email);
    res.setHeader('ETag', activity.etag);
    res.status(201).json({ activity });
  });

  router.patch('/activities/:id', async (req, res) => {
    const { caller, graph } = contextOf(res);
    // Role before schema: one of the two roles that may change an activity; the exact one once it is read.
    requireAnyRole(caller.roles, ['activity.propose', 'activity.decide']);
    const { id } = parseOrThrow(itemParam, req.params);
    const etag = requireIfMatch(req.header('if-match'), 'aktivitetens');
    const patch = parseOrThrow(activityPatchSchema, req.body ?? {});
    const current = await activities.get(graph, id);
    // A proposal is stödgruppen's to change; once decided only the samordnare changes it.
    requireRole(caller.roles, current.status === 'forslag' ? 'activity.propose' : 'activity.decide');
    const activity = await activities.update(graph, id, patch, etag);
    res.setHeader('ETag', activity.etag);
    res.json({ activity });
  });

  router.post('/activities/:id/decision', async (req, res) => {
    const { caller, graph } = contextOf(res);
    requireRole(caller.roles, 'activity.decide');
    const { id } = parseOrThrow(itemParam, req.params);
    const etag = requireIfMatch(req.header('if-match'), 'aktivitetens');
    const input = parseOrThrow(decisionReferenceSchema, req.body ?? {});
    const result = await activities.decide(graph, id, input, etag);
    res.setHeader('ETag', result.activity.etag);
    res.json(result);
  });

  router.post('/activities/:id/status', async (req, res) => {
    const { caller, graph } = contextOf(res);
    requireRole(caller.roles, 'activity.decide');
    const { id } = parseOrThrow(itemParam, req.params);
    const etag = requireIfMatch(req.header('if-match'), 'aktivitetens');
    const { to } = parseOrThrow(activityStatusSchema, req.body ?? {});
    const activity = await activities.setStatus(graph, id, to, etag);
    res.setHeader('ETag', activity.etag);
    res.json({ activity });
  });

  router.post('/activities/:id/evaluation', async (req, res) => {
    const { caller, graph } = contextOf(res);
    requireRole(caller.roles, 'activity.evaluate');
    const { id } = parseOrThrow(itemParam, req.params);
    const etag = requireIfMatch(req.header('if-match'), 'aktivitetens');
    const input = parseOrThrow(evaluationInputSchema, req.body ?? {});
    const activity = await activities.evaluate(graph, id, input, etag);
    res.setHeader('ETag', activity.etag);
    res.json({ activity });
  });
}

/** The year's verksamhetsplan: read, change, decide. */
function mountOperatingPlan(router: Router, services: AppServices): void {
  const { activities, operatingPlan } = services.economy;
  router.get('/operating-plan/:year', async (req, res) => {
    parseOrThrow(noQuery, req.query);
    const { year } = parseOrThrow(yearParam, req.params);
    const { graph } = contextOf(res);
    const [plan, ofYear] = await Promise.all([operatingPlan.get(graph, year), activities.list(graph, { year })]);
    res.json({
      plan: plan ?? null,
      coverage: plan ? planCoverage(plan, ofYear.map(toActivity)) : null,
      today: toIsoDate(new Date()),
    });
  });

  router.put('/operating-plan/:year', async (req, res) => {
    const { caller, graph } = contextOf(res);
    requireRole(caller.roles, 'proposal.create');
    const { year } = parseOrThrow(yearParam, req.params);
    const input = parseOrThrow(planInputSchema, req.body ?? {});
    const plan = await operatingPlan.save(graph, year, input, req.header('if-match'));
    res.setHeader('ETag', plan.etag);
    res.json({ plan });
  });

  router.post('/operating-plan/:year/decision', async (req, res) => {
    const { caller, graph } = contextOf(res);
    requireRole(caller.roles, 'decision.record');
    const { year } = parseOrThrow(yearParam, req.params);
    const etag = requireIfMatch(req.header('if-match'), 'verksamhetsplanens');
    const input = parseOrThrow(decisionReferenceSchema, req.body ?? {});
    const plan = await operatingPlan.decide(graph, year, input, etag);
    res.setHeader('ETag', plan.etag);
    res.json({ plan });
  });
}
