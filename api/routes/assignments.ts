import express, { type Router } from 'express';
import { z } from 'zod';
import { ForbiddenError, followsUpAllAssignments, parseOrThrow, requireRole } from '../../src/domain';
import { assignmentsQuerySchema } from '../../src/contract';
import type { AssignmentActor } from '../services/economy';
import type { AppServices } from '../services';
import { requireIfMatch } from './activities';
import { contextOf } from './context';

const itemParam = z.object({ id: z.string().regex(/^\d{1,12}$/, 'Ogiltigt id.') });
const noQuery = z.object({}).strict();

function actorOf({ caller }: ReturnType<typeof contextOf>): AssignmentActor {
  return { person: caller.person, followsUpAll: followsUpAllAssignments(caller.roles) };
}

/** Uppdrag (#17): delegated by a decision, listed for their owner and the samordnare, reported on by the owner. */
export function assignmentsRouter(services: AppServices): Router {
  const router = express.Router();
  const { assignments } = services;

  router.post('/decisions/:id/assignments', async (req, res) => {
    const { caller, graph } = contextOf(res);
    requireRole(caller.roles, 'assignment.delegate');
    const { id } = parseOrThrow(itemParam, req.params);
    const created = await assignments.delegate(graph, id, req.body ?? {}, caller.person.email);
    res.status(201).json({ assignments: created });
  });

  router.get('/decisions/:id/assignments', async (req, res) => {
    parseOrThrow(noQuery, req.query);
    const { id } = parseOrThrow(itemParam, req.params);
    res.json({ assignments: await assignments.list(contextOf(res).graph, { decisionId: id }) });
  });

  router.get('/assignments', async (req, res) => {
    const context = contextOf(res);
    const query = parseOrThrow(assignmentsQuerySchema, req.query);
    const actor = actorOf(context);
    if (query.mine === undefined && !actor.followsUpAll) {
      throw new ForbiddenError('assignment.followUp', 'Du har inte behörighet att följa upp alla uppdrag.');
    }
    res.json({
      assignments: query.mine ? await assignments.mine(context.graph, actor) : await assignments.list(context.graph),
    });
  });

  router.patch('/assignments/:id', async (req, res) => {
    const context = contextOf(res);
    const { id } = parseOrThrow(itemParam, req.params);
    const assignment = await assignments.update(context.graph, id, actorOf(context), req.body ?? {}, () =>
      requireIfMatch(req.header('if-match'), 'uppdragets'),
    );
    res.setHeader('ETag', assignment.etag);
    res.json({ assignment });
  });

  // The samordnare's retry of an uppdrag "Inte speglad i Planner" (PLANNER_MIRROR=on; a failure never failed it).
  router.post('/assignments/:id/planner', async (req, res) => {
    const context = contextOf(res);
    const { id } = parseOrThrow(itemParam, req.params);
    if (!actorOf(context).followsUpAll) {
      throw new ForbiddenError('assignment.followUp', 'Du har inte behörighet att följa upp alla uppdrag.');
    }
    res.json({ assignment: await assignments.mirrorAgain(context.graph, id) });
  });

  return router;
}
