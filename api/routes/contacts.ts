import express, { type Router } from 'express';
import { parseOrThrow, requireRole } from '../../src/domain';
import { apiErrors } from '../http/errors';
import type { AppServices } from '../services';
import type { ContactChange } from '../services/contacts';
import { contextOf } from './context';
import { deactivateContactSchema, idParam, newContactSchema } from '../../src/contract';

/** A change as the API answers it: the person (never the sign-in it is bound to) and the commitments' warnings. */
export function contactChangeView({ person, preview, saved }: ContactChange) {
  const {
    entraObjectId: _oid,
    entraTenantId: _tid,
    boundAt: _at,
    ...shown
  } = person as typeof person & {
    entraTenantId?: string;
    boundAt?: string;
  };
  return { person: shown, saved, breaches: preview.breaches, introduced: preview.introduced };
}

/**
 * Keeping the contact list current (#17): add a person (from the Region's directory or external), deactivate
 * one who leaves. `dryRun` answers with the commitments' warnings and writes nothing; a change that brings new
 * warnings needs `confirm`.
 */
export function contactsRouter(services: AppServices): Router {
  const router = express.Router();

  router.post('/people', async (req, res) => {
    const { caller, graph } = contextOf(res);
    requireRole(caller.roles, 'contacts.edit');
    const input = parseOrThrow(newContactSchema, req.body ?? {});
    const change = await services.contactChanges.add(graph, graph, input);
    if (change.saved) services.callers.invalidate();
    if ('etag' in change.person) res.setHeader('ETag', change.person.etag);
    res.status(change.saved ? 201 : 200).json(contactChangeView(change));
  });

  router.post('/people/:id/deactivate', async (req, res) => {
    const { caller, graph } = contextOf(res);
    requireRole(caller.roles, 'contacts.edit');
    const { id } = parseOrThrow(idParam, req.params);
    const input = parseOrThrow(deactivateContactSchema, req.body ?? {});
    const etag = req.header('if-match');
    if (!etag) throw apiErrors.validation([{ path: 'If-Match', message: 'If-Match med personens etag krävs.' }]);
    const change = await services.contactChanges.deactivate(graph, id, input, etag);
    if (change.saved) services.callers.invalidate();
    res.json(contactChangeView(change));
  });

  return router;
}
