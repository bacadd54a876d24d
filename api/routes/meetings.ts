import express, { type Response, type Router } from 'express';
import { z } from 'zod';
import { parseOrThrow, requireAnyRole, type ActionId } from '../../src/domain';
import type { AppServices } from '../services';
import { protocolPdf } from '../services/documents';
import { contextOf } from './context';
import { mountMeetingDrafts } from './meetingDrafts';
import { mountMeetingsInTeams } from './meetingsInTeams';
import { mountMinutes } from './minutes';
import type { Caller } from '../services/identity';
import type { Acting } from '../services/meetings';

const idParam = z.object({ id: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'Ogiltigt id.') }).strict();
const noQuery = z.object({}).strict();
const yearQuery = z
  .object({ year: z.string().regex(/^\d{4}$/, 'Ange året med fyra siffror.') })
  .strict()
  .transform(({ year }) => Number(year));

const KALLA: ActionId[] = ['samverkansgrupp.kalla', 'stodgrupp.kalla'];
const PREPARE: ActionId[] = ['samverkansgrupp.plan', 'stodgrupp.kalla'];

/**
 * Role before schema: the caller (with an appointment as sammankallande in force today, conveners.ts) must
 * hold one of the route's actions before its id or body is looked at; the services check the exact action
 * (the group's, the convener's) once they know it.
 */
async function convening(res: Response, services: AppServices, actions?: readonly ActionId[]) {
  const context = contextOf(res);
  const caller: Caller & Acting = await services.conveners.acting(context.graph, context.caller);
  if (actions) requireAnyRole(caller.roles, actions, caller);
  return { ...context, caller };
}

/** Role before schema for the actions no appointment changes (närvaro, beslut, protokoll). */
function acting(res: Response, actions: readonly ActionId[]) {
  const context = contextOf(res);
  requireAnyRole(context.caller.roles, actions);
  return context;
}

function sendFile(res: Response, type: string, filename: string, body: string | Buffer): void {
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  res.setHeader('Cache-Control', 'no-store');
  res.send(body);
}

/**
 * Meetings: plan, kallelse, change and cancel, answers, date polls, närvaro, beslut, protokoll and calendar
 * files. Mounted under /api/meetings after authentication; every action's role is checked in the services.
 */
export function meetingsRouter(services: AppServices): Router {
  const router = express.Router();
  mountMeetingPlanning(router, services);
  mountMeetingPolls(router, services);
  // Drafts before /:id so that "drafts" is not read as a meeting id.
  mountMeetingDrafts(router, services);
  mountMeetingsInTeams(router, services);
  mountMinutes(router, services);
  mountMeetingLifeCycle(router, services);
  mountMeetingProtocol(router, services);
  return router;
}

/** Plan and send a meeting, the records and the year's calendar file. */
function mountMeetingPlanning(router: Router, services: AppServices): void {
  const { meetings } = services;
  router.post('/plan', async (req, res) => {
    parseOrThrow(noQuery, req.query);
    const { caller, graph } = await convening(res, services);
    res.json(await meetings.plan(graph, caller, req.body ?? {}));
  });

  router.post('/', async (req, res) => {
    parseOrThrow(noQuery, req.query);
    const { caller, graph } = await convening(res, services);
    const { meeting, created } = await meetings.send(graph, caller, req.body ?? {});
    res.status(created ? 201 : 200).json({ meeting, created });
  });

  // Read only: what the kallelse would send (issue #16); the tab shows it before the one confirmed send.
  router.post('/kallelse/preview', async (req, res) => {
    parseOrThrow(noQuery, req.query);
    const { caller, graph } = await convening(res, services);
    res.json(await meetings.preview(graph, caller, req.body ?? {}));
  });

  router.get('/records', async (req, res) => {
    parseOrThrow(noQuery, req.query);
    res.json({ meetings: await meetings.records(contextOf(res).graph) });
  });

  // Who calls samverkansgruppen today: the ordförande, or the sammankallande a decision appoints (#17).
  router.get('/convener', async (req, res) => {
    parseOrThrow(noQuery, req.query);
    res.json({ convener: await services.conveners.current(contextOf(res).graph) });
  });

  router.get('/calendar.ics', async (req, res) => {
    const year = parseOrThrow(yearQuery, req.query);
    sendFile(
      res,
      'text/calendar; charset=utf-8',
      `kalendarium-${year}.ics`,
      await services.meetingCalendars.yearIcs(contextOf(res).graph, year),
    );
  });
}

/** Date polls (before /:id so that "polls" is not read as a meeting id). */
function mountMeetingPolls(router: Router, services: AppServices): void {
  const { meetingPolls, meetingNotices } = services;
  // Polls before /:id so that "polls" is not read as a meeting id.
  router.get('/polls', async (req, res) => {
    parseOrThrow(noQuery, req.query);
    res.json({ polls: await meetingPolls.list(contextOf(res).graph) });
  });

  router.post('/polls', async (req, res) => {
    parseOrThrow(noQuery, req.query);
    const { caller, graph } = await convening(res, services);
    const poll = await meetingPolls.create(graph, caller, req.body ?? {});
    // The poll stands whether or not Teams could be reached; the answer says where the card went.
    res.status(201).json({ poll, channelCard: await meetingNotices.announcePoll(poll) });
  });

  router.get('/polls/:id', async (req, res) => {
    const { id } = parseOrThrow(idParam, req.params);
    const { caller, graph } = contextOf(res);
    res.json({ poll: await meetingPolls.get(graph, caller, id) });
  });

  router.post('/polls/:id/votes', async (req, res) => {
    const { id } = parseOrThrow(idParam, req.params);
    const { caller, graph } = contextOf(res);
    res.json({ poll: await meetingPolls.vote(graph, caller, id, req.body ?? {}) });
  });

  router.post('/polls/:id/close', async (req, res) => {
    const { caller, graph } = await convening(res, services, PREPARE);
    const { id } = parseOrThrow(idParam, req.params);
    res.json({ poll: await meetingPolls.close(graph, caller, id) });
  });
}

/** One meeting: read, answers, reschedule, cancel, remind, its calendar file. */
function mountMeetingLifeCycle(router: Router, services: AppServices): void {
  const { meetings, meetingNotices } = services;
  const app = () => services.graph.forApp();
  router.get('/:id', async (req, res) => {
    const { id } = parseOrThrow(idParam, req.params);
    res.json({ meeting: await meetings.get(contextOf(res).graph, id) });
  });

  router.get('/:id/answers', async (req, res) => {
    const { id } = parseOrThrow(idParam, req.params);
    res.json(await meetings.answers(contextOf(res).graph, app(), id));
  });

  router.post('/:id/reschedule', async (req, res) => {
    const { caller, graph } = await convening(res, services, ['meeting.reschedule']);
    const { id } = parseOrThrow(idParam, req.params);
    const meeting = await meetings.reschedule(graph, caller, id, req.body ?? {}, req.header('if-match'), app());
    res.setHeader('ETag', meeting.etag);
    res.json({ meeting });
  });

  router.post('/:id/cancel', async (req, res) => {
    const { caller, graph } = await convening(res, services, ['meeting.cancel']);
    const { id } = parseOrThrow(idParam, req.params);
    res.json({ meeting: await meetings.cancel(graph, caller, id, req.body ?? {}, app()) });
  });

  router.post('/:id/remind', async (req, res) => {
    parseOrThrow(noQuery, req.query);
    const { caller, graph } = await convening(res, services, KALLA);
    const { id } = parseOrThrow(idParam, req.params);
    res.json({ reminder: await meetingNotices.remind(graph, app(), caller, id) });
  });

  router.get('/:id/meeting.ics', async (req, res) => {
    const { id } = parseOrThrow(idParam, req.params);
    sendFile(
      res,
      'text/calendar; charset=utf-8',
      `mote-${id}.ics`,
      await services.meetingCalendars.meetingIcs(contextOf(res).graph, id),
    );
  });
}

/** Närvaro, beslut and protokoll of a meeting. */
function mountMeetingProtocol(router: Router, services: AppServices): void {
  const { meetings, meetingProtocols, meetingNotices } = services;
  const app = () => services.graph.forApp();
  router.get('/:id/attendance', async (req, res) => {
    const { id } = parseOrThrow(idParam, req.params);
    res.json({ attendance: await meetingProtocols.attendance(contextOf(res).graph, id) });
  });

  router.put('/:id/attendance', async (req, res) => {
    const { caller, graph } = acting(res, ['meeting.attendance']);
    const { id } = parseOrThrow(idParam, req.params);
    res.json({ attendance: await meetingProtocols.setAttendance(graph, caller, id, req.body ?? {}) });
  });

  router.get('/:id/decisions', async (req, res) => {
    const { id } = parseOrThrow(idParam, req.params);
    res.json({ decisions: await meetingProtocols.decisionsOf(contextOf(res).graph, id) });
  });

  router.post('/:id/decisions', async (req, res) => {
    const { caller, graph } = acting(res, ['decision.record']);
    const { id } = parseOrThrow(idParam, req.params);
    res.status(201).json({ decision: await meetingProtocols.recordDecision(graph, caller, id, req.body ?? {}) });
  });

  router.get('/:id/protocol', async (req, res) => {
    const { id } = parseOrThrow(idParam, req.params);
    res.json({ protocol: await meetingProtocols.protocol(contextOf(res).graph, id) });
  });

  router.put('/:id/protocol', async (req, res) => {
    const { caller, graph } = acting(res, ['decision.record']);
    const { id } = parseOrThrow(idParam, req.params);
    const protocol = await meetingProtocols.draft(graph, caller, id, req.body ?? {});
    const approvalCards = await meetingNotices.sendApprovalCards(app(), id, protocol);
    res.json({ protocol, approvalCards });
  });

  router.post('/:id/protocol/approve', async (req, res) => {
    // A protokoll's approval, or the fastställande of stödgruppen's minnesanteckningar (the service checks which).
    const { caller, graph } = acting(res, ['protocol.approve', 'minutes.confirm']);
    const { id } = parseOrThrow(idParam, req.params);
    const protocol = await meetingProtocols.approve(graph, caller, id, req.body ?? {});
    // The next in turn gets their approval card (once per version and person).
    await meetingNotices.sendApprovalCards(app(), id, protocol);
    res.json({ protocol });
  });

  router.post('/:id/archive', async (req, res) => {
    const { caller, graph } = acting(res, ['decision.record']);
    const { id } = parseOrThrow(idParam, req.params);
    await meetingProtocols.fileArchive(graph, caller, id);
    res.json({ meeting: await meetings.get(graph, id) });
  });

  router.get('/:id/protocol.pdf', async (req, res) => {
    const { id } = parseOrThrow(idParam, req.params);
    const sections = await meetingProtocols.sections(contextOf(res).graph, id);
    const pdf = await protocolPdf({ sections, producedAt: new Date() });
    // protokoll-7.pdf, or minnesanteckningar-7.pdf for stödgruppen's (#16).
    sendFile(res, 'application/pdf', `${sections.kind}-${id}.pdf`, pdf);
  });
}
