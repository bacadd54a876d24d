import type { Router } from 'express';
import { z } from 'zod';
import { parseOrThrow, requireAnyRole } from '../../src/domain';
import type { AppServices } from '../services';
import { contextOf } from './context';

const idParam = z.object({ id: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'Ogiltigt id.') }).strict();
const noQuery = z.object({}).strict();

/**
 * The tab inside a Teams meeting (issue #16), mounted under /api/meetings before /:id: the register meeting of a
 * meeting chat (anyone signed in reads the register), and Teams' attendance report for the secretary.
 */
export function mountMeetingsInTeams(router: Router, services: AppServices): void {
  const { meetingsInTeams } = services;
  router.get('/in-teams', async (req, res) => {
    res.json(await meetingsInTeams.find(contextOf(res).graph, req.query));
  });

  router.get('/:id/attendance-report', async (req, res) => {
    const { caller, graph } = contextOf(res);
    requireAnyRole(caller.roles, ['meeting.attendance']);
    const { id } = parseOrThrow(idParam, req.params);
    parseOrThrow(noQuery, req.query);
    res.json({ report: await meetingsInTeams.attendanceReport(graph, caller, id) });
  });
}
