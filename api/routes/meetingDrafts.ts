import express, { type Response, type Router } from 'express';
import { z } from 'zod';
import { DRAFT_DOCUMENT_LIMITS, parseOrThrow, requireAnyRole, type ActionId } from '../../src/domain';
import { draftDocumentParams, draftItemParams } from '../../src/contract';
import type { AppServices } from '../services';
import { contextOf } from './context';
import type { Caller } from '../services/identity';
import type { Acting } from '../services/meetings';

const idParam = z.object({ id: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'Ogiltigt id.') }).strict();
const noQuery = z.object({}).strict();

/** Who prepares meetings: samverkansgruppen's ordförande, sammankallande and samordnare; stödgruppen's samordnare. */
const PREPARE: ActionId[] = ['samverkansgrupp.plan', 'stodgrupp.kalla'];

/** Role before schema, with an appointment as sammankallande in force today (conveners.ts). */
async function preparing(res: Response, services: AppServices) {
  const context = contextOf(res);
  const caller: Caller & Acting = await services.conveners.acting(context.graph, context.caller);
  requireAnyRole(caller.roles, PREPARE, caller);
  return { ...context, caller };
}

/** A handling's bytes: the body as sent (application/octet-stream), a little over the limit so it is refused in Swedish. */
const fileBody = express.raw({
  type: 'application/octet-stream',
  limit: DRAFT_DOCUMENT_LIMITS.fileBytes + 1024 * 1024,
});

/**
 * Meetings being prepared (issue #16), mounted under /api/meetings before /:id: the draft, its dagordning
 * (If-Match → 409 with the current one) and handlingar per point.
 */
export function mountMeetingDrafts(router: Router, services: AppServices): void {
  const { meetingDrafts, draftDocuments } = services;
  router.post('/drafts', async (req, res) => {
    parseOrThrow(noQuery, req.query);
    const { caller, graph } = await preparing(res, services);
    const draft = await meetingDrafts.create(graph, caller, req.body ?? {});
    res.setHeader('ETag', draft.etag);
    res.status(201).json({ draft });
  });

  router.get('/drafts', async (req, res) => {
    parseOrThrow(noQuery, req.query);
    res.json({ drafts: await meetingDrafts.list(contextOf(res).graph) });
  });

  router.get('/drafts/:id/agenda', async (req, res) => {
    const { id } = parseOrThrow(idParam, req.params);
    parseOrThrow(noQuery, req.query);
    const draft = await meetingDrafts.get(contextOf(res).graph, id);
    res.setHeader('ETag', draft.etag);
    res.json({ draft });
  });

  router.put('/drafts/:id/agenda', async (req, res) => {
    const { caller, graph } = await preparing(res, services);
    const { id } = parseOrThrow(idParam, req.params);
    parseOrThrow(noQuery, req.query);
    const draft = await meetingDrafts.putAgenda(graph, caller, id, req.body ?? {}, req.header('if-match'));
    res.setHeader('ETag', draft.etag);
    res.json({ draft });
  });

  router.post('/drafts/:id/items/:itemId/documents', async (req, res) => {
    const { caller, graph } = await preparing(res, services);
    const target = parseOrThrow(draftItemParams, req.params);
    await new Promise<void>((resolve, reject) =>
      fileBody(req, res, (error?: unknown) => (error ? reject(error) : resolve())),
    );
    const bytes = Buffer.isBuffer(req.body) ? new Uint8Array(req.body) : new Uint8Array();
    const { draft, document } = await draftDocuments.upload(graph, caller, target, req.query, bytes);
    res.setHeader('ETag', draft.etag);
    res.status(201).json({ draft, document });
  });

  router.delete('/drafts/:id/items/:itemId/documents/:documentId', async (req, res) => {
    const { caller, graph } = await preparing(res, services);
    const target = parseOrThrow(draftDocumentParams, req.params);
    parseOrThrow(noQuery, req.query);
    const draft = await draftDocuments.remove(graph, caller, target);
    res.setHeader('ETag', draft.etag);
    res.json({ draft });
  });
}
