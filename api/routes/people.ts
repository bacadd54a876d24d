import type { Router } from 'express';
import { z } from 'zod';
import { contactPatchSchema } from '../../src/contract';
import { parseOrThrow, requireRole } from '../../src/domain';
import { apiErrors } from '../http/errors';
import type { AppServices } from '../services';
import type { ContactRecord } from '../services/contacts';
import { meView } from '../services/identity';
import { contactChangeView } from './contacts';
import { contextOf } from './context';

const idParam = z.object({ id: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'Ogiltigt id.') });
const noQuery = z.object({}).strict();

/** A contact as the API shows it: never the sign-in it is bound to. */
function publicPerson(record: ContactRecord): Omit<ContactRecord, 'entraObjectId' | 'entraTenantId' | 'boundAt'> {
  const { entraObjectId: _oid, entraTenantId: _tid, boundAt: _at, ...person } = record;
  return person;
}

/** The caller, the organisations and the people (contacts): read, change, unbind from a sign-in. */
export function mountPeople(router: Router, services: AppServices): void {
  router.get('/me', async (req, res) => {
    parseOrThrow(noQuery, req.query);
    const { caller, graph } = contextOf(res);
    // An appointed sammankallande (#17) sees the kallelse; if the register cannot be read, their roles alone.
    const acting = await services.conveners.acting(graph, caller).catch(() => caller);
    res.json(meView(acting, services.organisations.organisations));
  });

  router.get('/organisations', (req, res) => {
    parseOrThrow(noQuery, req.query);
    res.json({ region: services.organisations.region, organisations: services.organisations.organisations });
  });

  router.get('/people', async (req, res) => {
    parseOrThrow(noQuery, req.query);
    const people = await services.contacts.list(contextOf(res).graph);
    // The organisation by its name, so no page has to show its id.
    const names = new Map(services.organisations.organisations.map((org) => [org.id, org.name]));
    res.json({
      people: people.map((person) => ({
        organisationName: names.get(person.organisationId),
        ...publicPerson(person),
      })),
    });
  });

  router.patch('/people/:id', async (req, res) => {
    const { caller, graph } = contextOf(res);
    requireRole(caller.roles, 'contacts.edit');
    const { id } = parseOrThrow(idParam, req.params);
    const etag = req.header('if-match');
    if (!etag) throw apiErrors.validation([{ path: 'If-Match', message: 'If-Match med personens etag krävs.' }]);
    const patch = parseOrThrow(contactPatchSchema, req.body ?? {});
    // Checked against the commitments first: a dry run answers with the warnings, new ones need confirm.
    const change = await services.contacts.change(graph, id, patch, etag);
    if (!change.saved) return void res.json(contactChangeView(change));
    services.callers.invalidate();
    const person = publicPerson(change.person);
    res.setHeader('ETag', person.etag);
    res.json({ ...contactChangeView(change), person });
  });

  // The samordnare unbinds a contact from its sign-in (a new account, a mistaken first sign-in): its next
  // first sign-in by the UPN of its organisation's tenant binds it again.
  router.post('/people/:id/unbind', async (req, res) => {
    const { caller } = contextOf(res);
    requireRole(caller.roles, 'contacts.edit');
    const { id } = parseOrThrow(idParam, req.params);
    parseOrThrow(noQuery, req.query);
    const etag = req.header('if-match');
    if (!etag) throw apiErrors.validation([{ path: 'If-Match', message: 'If-Match med personens etag krävs.' }]);
    // App-only: the binding columns are the app's, not something a user edits in SharePoint.
    const updated = await services.contacts.unbind(services.graph.forApp(), id, etag);
    services.callers.invalidate();
    const person = publicPerson(updated);
    res.setHeader('ETag', person.etag);
    res.json({ person });
  });
}
