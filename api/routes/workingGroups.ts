import express, { type Router } from 'express';
import { z } from 'zod';
import { parseOrThrow, requireRole } from '../../src/domain';
import type { AppServices } from '../services';

import { contextOf } from './context';
import { appointSchema, channelUserRequestSchema, endSchema, memberRequestSchema } from '../../src/contract';

const idParam = z.object({ id: z.string().regex(/^[0-9]{1,10}$/, 'Ogiltigt id.') }).strict();
const memberParams = z
  .object({
    id: z.string().regex(/^[0-9]{1,10}$/, 'Ogiltigt id.'),
    personId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'Ogiltigt person-id.'),
  })
  .strict();
const noQuery = z.object({}).strict();

/**
 * Arbetsgrupper for the tab: read by everyone in the register; appointing, membership and ending are the
 * coordinator's. Channel work runs as the caller (on-behalf-of); reading the register runs as the app.
 */
export function workingGroupsRouter(services: AppServices): Router {
  const router = express.Router();
  mountWorkingGroups(router, services);
  mountWorkingGroupMembers(router, services);
  mountWorkingGroupChannel(router, services);
  return router;
}

/** Working groups: list, read, appoint, resume a stopped appointment. */
function mountWorkingGroups(router: Router, services: AppServices): void {
  const groups = services.workingGroups;
  const app = () => services.graph.forApp();
  router.get('/working-groups', async (req, res) => {
    parseOrThrow(noQuery, req.query);
    res.json({ groups: await groups.list(app()) });
  });

  router.get('/working-groups/:id', async (req, res) => {
    parseOrThrow(noQuery, req.query);
    const { id } = parseOrThrow(idParam, req.params);
    res.json({ group: await groups.get(app(), id) });
  });

  router.post('/working-groups', async (req, res) => {
    const { caller, graph } = contextOf(res);
    requireRole(caller.roles, 'workinggroup.appoint');
    const input = parseOrThrow(appointSchema, req.body ?? {});
    const group = await groups.appoint(graph, app(), input);
    res.status(201).json({ group });
  });

  router.post('/working-groups/:id/resume', async (req, res) => {
    const { caller, graph } = contextOf(res);
    requireRole(caller.roles, 'workinggroup.appoint');
    const { id } = parseOrThrow(idParam, req.params);
    res.json({ group: await groups.resume(graph, app(), id) });
  });
}

/** A working group's members. */
function mountWorkingGroupMembers(router: Router, services: AppServices): void {
  const groups = services.workingGroups;
  const app = () => services.graph.forApp();
  router.post('/working-groups/:id/members', async (req, res) => {
    const { caller, graph } = contextOf(res);
    requireRole(caller.roles, 'workinggroup.members');
    const { id } = parseOrThrow(idParam, req.params);
    const { personId } = parseOrThrow(memberRequestSchema, req.body ?? {});
    res.json({ group: await groups.addMember(graph, app(), id, personId) });
  });

  router.delete('/working-groups/:id/members/:personId', async (req, res) => {
    const { caller, graph } = contextOf(res);
    requireRole(caller.roles, 'workinggroup.members');
    const { id, personId } = parseOrThrow(memberParams, req.params);
    res.json({ group: await groups.removeMember(graph, app(), id, personId) });
  });
}

/** A working group's channel difference, and its end. */
function mountWorkingGroupChannel(router: Router, services: AppServices): void {
  const groups = services.workingGroups;
  const app = () => services.graph.forApp();
  router.get('/working-groups/:id/channel-difference', async (req, res) => {
    const { caller } = contextOf(res);
    requireRole(caller.roles, 'workinggroup.members');
    parseOrThrow(noQuery, req.query);
    const { id } = parseOrThrow(idParam, req.params);
    res.json(await groups.channelDifference(app(), id));
  });

  router.post('/working-groups/:id/channel-difference/accept', async (req, res) => {
    const { caller, graph } = contextOf(res);
    requireRole(caller.roles, 'workinggroup.members');
    const { id } = parseOrThrow(idParam, req.params);
    const { userId } = parseOrThrow(channelUserRequestSchema, req.body ?? {});
    res.json({ group: await groups.acceptChannelMember(graph, app(), id, userId) });
  });

  router.post('/working-groups/:id/channel-difference/undo', async (req, res) => {
    const { caller, graph } = contextOf(res);
    requireRole(caller.roles, 'workinggroup.members');
    const { id } = parseOrThrow(idParam, req.params);
    const { userId } = parseOrThrow(channelUserRequestSchema, req.body ?? {});
    await groups.undoChannelMember(graph, app(), id, userId);
    res.json(await groups.channelDifference(app(), id));
  });

  router.post('/working-groups/:id/end', async (req, res) => {
    const { caller, graph } = contextOf(res);
    requireRole(caller.roles, 'workinggroup.end');
    const { id } = parseOrThrow(idParam, req.params);
    const { finalReport } = parseOrThrow(endSchema, req.body ?? {});
    res.json({ group: await groups.end(graph, app(), id, finalReport) });
  });
}
