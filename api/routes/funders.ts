import express, { type Router } from 'express';
import { z } from 'zod';
import { parseOrThrow, requireRole } from '../../src/domain';
import {
  itemIdParam,
  newTopicTagSchema,
  participantCountsInputSchema,
  topicTagPatchSchema,
  yearInput,
} from '../../src/contract';
import { funderReportCsv } from '../services/documents';
import type { AppServices } from '../services';
import { requireIfMatch } from './activities';
import { contextOf } from './context';

const yearParam = z.object({ year: yearInput });
const noQuery = z.object({}).strict();

/** Funders' figures (#17): Ämnestaggar, participant counts after the event, the yearly report and its CSV. */
export function fundersRouter(services: AppServices): Router {
  const router = express.Router();
  const { topicTags, funders } = services.economy;

  router.get('/topic-tags', async (req, res) => {
    parseOrThrow(noQuery, req.query);
    res.json({ tags: await topicTags.list(contextOf(res).graph) });
  });

  router.post('/topic-tags', async (req, res) => {
    const { caller, graph } = contextOf(res);
    requireRole(caller.roles, 'activity.decide');
    const tag = await topicTags.create(graph, parseOrThrow(newTopicTagSchema, req.body ?? {}));
    res.setHeader('ETag', tag.etag);
    res.status(201).json({ tag });
  });

  router.patch('/topic-tags/:id', async (req, res) => {
    const { caller, graph } = contextOf(res);
    requireRole(caller.roles, 'activity.decide');
    const { id } = parseOrThrow(itemIdParam, req.params);
    const etag = requireIfMatch(req.header('if-match'), 'taggens');
    const tag = await topicTags.setRetired(graph, id, parseOrThrow(topicTagPatchSchema, req.body ?? {}), etag);
    res.setHeader('ETag', tag.etag);
    res.json({ tag });
  });

  router.post('/activities/:id/participants', async (req, res) => {
    const { caller, graph } = contextOf(res);
    requireRole(caller.roles, 'activity.evaluate');
    const { id } = parseOrThrow(itemIdParam, req.params);
    const etag = requireIfMatch(req.header('if-match'), 'aktivitetens');
    const input = parseOrThrow(participantCountsInputSchema, req.body ?? {});
    const activity = await funders.reportParticipants(graph, id, input, etag);
    res.setHeader('ETag', activity.etag);
    res.json({ activity });
  });

  router.get('/funders/report/:year', async (req, res) => {
    parseOrThrow(noQuery, req.query);
    const { year } = parseOrThrow(yearParam, req.params);
    res.json(await funders.report(contextOf(res).graph, year));
  });

  router.get('/funders/report/:year/csv', async (req, res) => {
    parseOrThrow(noQuery, req.query);
    const { year } = parseOrThrow(yearParam, req.params);
    const report = await funders.report(contextOf(res).graph, year);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="uppfoljning-finansiarer-${year}.csv"`);
    res.send(funderReportCsv(report));
  });

  return router;
}
