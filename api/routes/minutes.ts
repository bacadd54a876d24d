import type { Router } from 'express';
import { z } from 'zod';
import { parseOrThrow, requireAnyRole } from '../../src/domain';
import type { AppServices } from '../services';
import { contextOf } from './context';

const idParam = z.object({ id: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'Ogiltigt id.') }).strict();
const noQuery = z.object({}).strict();

/**
 * The protokoll's points with the secretary's notes (issue #16), mounted under /api/meetings before /:id routes:
 * GET /:id/minutes, and PUT /:id/minutes/:itemId with If-Match (the note's ETag, `*` for a point without notes).
 */
export function mountMinutes(router: Router, services: AppServices): void {
  const { meetingMinutes } = services;
  router.get('/:id/minutes', async (req, res) => {
    const { id } = parseOrThrow(idParam, req.params);
    parseOrThrow(noQuery, req.query);
    res.json({ minutes: await meetingMinutes.view(contextOf(res).graph, id) });
  });

  router.put('/:id/minutes/:itemId', async (req, res) => {
    const { caller, graph } = contextOf(res);
    // Role before schema: the secretary's action, before the ids or the body are looked at.
    requireAnyRole(caller.roles, ['meeting.attendance']);
    parseOrThrow(noQuery, req.query);
    const note = await meetingMinutes.save(graph, caller, req.params, req.body ?? {}, req.header('if-match'));
    if (note.etag) res.setHeader('ETag', note.etag);
    res.json({ note });
  });
}
