import express, { type Router } from 'express';
import { z } from 'zod';
import { DomainRuleError, parseOrThrow, requireRole, toIsoDate, type IsoDate } from '../../src/domain';
import { stockholmDateOf } from '../../src/domain/wallClock';
import { apiErrors } from '../http/errors';
import type { AppServices } from '../services';

import { statusReportCsv, statusReportPdf } from '../services/documents';
import { requireIfMatch } from './activities';
import { contextOf } from './context';
import {
  budgetLinePatchSchema,
  decisionReferenceSchema,
  isoDateInput,
  newBudgetLineSchema,
  newOutcomeSchema,
  newTimeEntrySchema,
  outcomeReversalSchema,
  yearInput,
} from '../../src/contract';

const itemParam = z.object({ id: z.string().regex(/^\d{1,12}$/, 'Ogiltigt id.') });
const yearQuery = z.object({ year: yearInput }).strict();
const yearBody = z.object({ year: yearInput }).strict();
const yearParam = z.object({ year: yearInput }).strict();
const reportQuery = z.object({ year: yearInput, asOf: isoDateInput.optional() }).strict();

/** Budget, Utfall, the lägesrapport (JSON, CSV, PDF) and Samordnarens tid. Reading needs report.read. */
export function budgetRouter(services: AppServices): Router {
  const router = express.Router();
  mountBudgetVersions(router, services);
  mountBudgetLines(router, services);
  mountBudgetReport(router, services);
  mountCoordinatorTime(router, services);
  return router;
}

/** The budget's versions (#17): stödgruppen's proposal, samverkansgruppen's decision, a revision. */
function mountBudgetVersions(router: Router, services: AppServices): void {
  const { budgetVersions } = services.economy;
  router.get('/budget/versions', async (req, res) => {
    const { caller, graph } = contextOf(res);
    requireRole(caller.roles, 'report.read');
    const { year } = parseOrThrow(yearQuery, req.query);
    res.json({ versions: await budgetVersions.list(graph, year) });
  });

  router.post('/budget/versions', async (req, res) => {
    const { caller, graph } = contextOf(res);
    requireRole(caller.roles, 'budget.edit');
    const { year } = parseOrThrow(yearBody, req.body ?? {});
    const version = await budgetVersions.propose(graph, year);
    res.setHeader('ETag', version.etag);
    res.status(201).json({ version });
  });

  router.post('/budget/versions/:year/decision', async (req, res) => {
    const { caller, graph } = contextOf(res);
    requireRole(caller.roles, 'decision.record');
    const { year } = parseOrThrow(yearParam, req.params);
    const etag = requireIfMatch(req.header('if-match'), 'budgetversionens');
    const input = parseOrThrow(decisionReferenceSchema, req.body ?? {});
    const version = await budgetVersions.decide(graph, year, input, etag);
    res.setHeader('ETag', version.etag);
    res.json({ version });
  });
}

/** The budget's lines and their outcomes. */
function mountBudgetLines(router: Router, services: AppServices): void {
  const { budget } = services.economy;
  router.get('/budget', async (req, res) => {
    const { caller, graph } = contextOf(res);
    requireRole(caller.roles, 'report.read');
    const { year } = parseOrThrow(yearQuery, req.query);
    res.json({ lines: await budget.listLines(graph, year) });
  });

  router.post('/budget/lines', async (req, res) => {
    const { caller, graph } = contextOf(res);
    requireRole(caller.roles, 'budget.edit');
    const line = await budget.createLine(graph, parseOrThrow(newBudgetLineSchema, req.body ?? {}));
    res.setHeader('ETag', line.etag);
    res.status(201).json({ line });
  });

  router.patch('/budget/lines/:id', async (req, res) => {
    const { caller, graph } = contextOf(res);
    requireRole(caller.roles, 'budget.edit');
    const { id } = parseOrThrow(itemParam, req.params);
    const etag = requireIfMatch(req.header('if-match'), 'budgetradens');
    const line = await budget.updateLine(graph, id, parseOrThrow(budgetLinePatchSchema, req.body ?? {}), etag);
    res.setHeader('ETag', line.etag);
    res.json({ line });
  });

  router.get('/budget/outcomes', async (req, res) => {
    const { caller, graph } = contextOf(res);
    requireRole(caller.roles, 'report.read');
    const { year } = parseOrThrow(yearQuery, req.query);
    res.json({ outcomes: await budget.listOutcomes(graph, year) });
  });

  router.post('/budget/outcomes', async (req, res) => {
    const { caller, graph } = contextOf(res);
    requireRole(caller.roles, 'outcome.book');
    const outcome = await budget.bookOutcome(
      graph,
      parseOrThrow(newOutcomeSchema, req.body ?? {}),
      caller.person.email,
    );
    res.status(201).json({ outcome });
  });

  router.post('/budget/outcomes/:id/reversal', async (req, res) => {
    const { caller, graph } = contextOf(res);
    requireRole(caller.roles, 'outcome.book');
    const { id } = parseOrThrow(itemParam, req.params);
    const input = parseOrThrow(outcomeReversalSchema, req.body ?? {});
    const outcome = await budget
      .reverseOutcome(graph, id, input, caller.person.email, stockholmDateOf(new Date()) as IsoDate)
      .catch((error: unknown) => {
        if (error instanceof DomainRuleError && REVERSAL_CONFLICTS.has(error.code)) {
          throw apiErrors.conflict(undefined, error.message);
        }
        throw error;
      });
    res.status(201).json({ outcome });
  });
}

const REVERSAL_CONFLICTS = new Set(['ALREADY_REVERSED', 'REVERSAL_OF_REVERSAL']);

/** The budget report as JSON, CSV and PDF. */
function mountBudgetReport(router: Router, services: AppServices): void {
  const { budget } = services.economy;
  const report = async (req: express.Request, res: express.Response) => {
    const { caller, graph } = contextOf(res);
    requireRole(caller.roles, 'report.read');
    const query = parseOrThrow(reportQuery, req.query);
    return budget.report(graph, query.year, query.asOf ?? toIsoDate(new Date()));
  };

  router.get('/budget/report', async (req, res) => {
    res.json(await report(req, res));
  });

  router.get('/budget/report.csv', async (req, res) => {
    const { status, exceptions } = await report(req, res);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="lagesrapport-${status.year}-${status.asOf}.csv"`);
    res.send(statusReportCsv(status, exceptions));
  });

  router.get('/budget/report.pdf', async (req, res) => {
    const { status, coFinancing, exceptions } = await report(req, res);
    const pdf = await statusReportPdf({ status, coFinancing, exceptions, producedAt: new Date() });
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `attachment; filename="lagesrapport-${status.year}-${status.asOf}.pdf"`);
    res.send(pdf);
  });
}

/** The samordnare's time. */
function mountCoordinatorTime(router: Router, services: AppServices): void {
  const { coordinatorTime } = services.economy;
  router.get('/coordinator-time', async (req, res) => {
    const { caller, graph } = contextOf(res);
    requireRole(caller.roles, 'report.read');
    const query = parseOrThrow(reportQuery, req.query);
    res.json(await coordinatorTime.report(graph, query.year, query.asOf ?? toIsoDate(new Date())));
  });

  router.post('/coordinator-time', async (req, res) => {
    const { caller, graph } = contextOf(res);
    requireRole(caller.roles, 'time.log');
    const entry = await coordinatorTime.log(graph, parseOrThrow(newTimeEntrySchema, req.body ?? {}));
    res.status(201).json({ entry });
  });
}
