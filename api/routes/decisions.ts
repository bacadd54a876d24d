import express, { type Router } from 'express';
import { z } from 'zod';
import { DECISION_KINDS, FOLLOW_UP_STATUSES, parseOrThrow, requireRole } from '../../src/domain';
import type { AppServices } from '../services';

import { requireIfMatch } from './activities';
import { contextOf } from './context';
import { followUpPatchSchema, newDecisionSchema } from '../../src/contract';

const itemParam = z.object({ id: z.string().regex(/^\d{1,12}$/, 'Ogiltigt id.') });
const listQuery = z
  .object({
    meetingId: z.string().trim().min(1).max(64).optional(),
    kind: z.enum(DECISION_KINDS, { error: 'Okänd beslutstyp.' }).optional(),
    followUp: z.enum([...FOLLOW_UP_STATUSES, 'open'], { error: 'Okänd uppföljningsstatus.' }).optional(),
  })
  .strict();
const noQuery = z.object({}).strict();

/** The decision register (Beslut) and what is still open: follow-ups and undecided proposals. */
export function decisionsRouter(services: AppServices): Router {
  const router = express.Router();
  const { decisions } = services.economy;

  router.get('/decisions', async (req, res) => {
    const query = parseOrThrow(listQuery, req.query);
    res.json({ decisions: await decisions.list(contextOf(res).graph, query) });
  });

  router.get('/decisions/open-follow-ups', async (req, res) => {
    parseOrThrow(noQuery, req.query);
    res.json({ decisions: await decisions.openFollowUps(contextOf(res).graph) });
  });

  router.get('/decisions/open-proposals', async (req, res) => {
    parseOrThrow(noQuery, req.query);
    res.json({ proposals: await decisions.openProposals(contextOf(res).graph) });
  });

  router.post('/decisions', async (req, res) => {
    const { caller, graph } = contextOf(res);
    requireRole(caller.roles, 'decision.record');
    const decision = await decisions.record(graph, parseOrThrow(newDecisionSchema, req.body ?? {}));
    res.setHeader('ETag', decision.etag);
    res.status(201).json({ decision });
  });

  router.patch('/decisions/:id/follow-up', async (req, res) => {
    const { caller, graph } = contextOf(res);
    requireRole(caller.roles, 'decision.record');
    const { id } = parseOrThrow(itemParam, req.params);
    const etag = requireIfMatch(req.header('if-match'), 'beslutets');
    const decision = await decisions.updateFollowUp(graph, id, parseOrThrow(followUpPatchSchema, req.body ?? {}), etag);
    res.setHeader('ETag', decision.etag);
    res.json({ decision });
  });

  return router;
}
