import express, { type Router } from 'express';
import { z } from 'zod';
import type { EmulatorContext } from '../context';
import { graphErrors } from '../errors';
import { TENANT_SCOPE, type StoredUser } from '../model';
import { findPerson } from '../resources/users';
import { everyDelegatedPermission, everyPermission } from '../permissionTable';
import { INSPECTION_APP_ID } from '../tenantConfig';

/**
 * Local controls, not Graph: fault injection, the request log, reset, and tokens for tests. Loopback only,
 * as the whole emulator is.
 */
export function controlsRouter(ctx: EmulatorContext, reset: () => void): Router {
  const router = express.Router();

  router.get('/', (_req, res) => {
    res.json({ tenantId: ctx.tenantId, clientId: ctx.app.clientId, graph: `${ctx.baseUrl()}/v1.0` });
  });
  router.post('/faults', (req, res) => {
    const parsed = z.array(z.unknown()).safeParse(req.body);
    const inputs = parsed.success ? parsed.data : [req.body];
    try {
      res.status(201).json({ faults: inputs.map((f) => ctx.faults.add(f)) });
    } catch (error) {
      throw graphErrors.badRequest(
        error instanceof z.ZodError ? (error.issues[0]?.message ?? 'Invalid fault.') : 'Invalid fault.',
      );
    }
  });
  router.get('/faults', (_req, res) => res.json({ faults: ctx.faults.list() }));
  router.delete('/faults', (_req, res) => {
    ctx.faults.clear();
    res.status(204).end();
  });
  router.put('/latency', (req, res) => {
    const ms = z.object({ ms: z.number().int().min(0).max(60_000) }).safeParse(req.body);
    if (!ms.success) throw graphErrors.badRequest('Body must be {"ms": number}.');
    ctx.faults.setLatency(ms.data.ms);
    res.status(204).end();
  });
  router.get('/requests', (req, res) => {
    const since = Number(req.query.since ?? 0);
    res.json({ lastSeq: ctx.requestLog.lastSeq(), requests: ctx.requestLog.since(Number.isFinite(since) ? since : 0) });
  });
  router.delete('/requests', (_req, res) => {
    ctx.requestLog.clear();
    res.status(204).end();
  });
  router.post('/reset', (_req, res) => {
    reset();
    res.status(204).end();
  });

  router.get('/personas', (_req, res) => {
    const people = ctx.store.list<StoredUser>('user', TENANT_SCOPE);
    res.json({
      value: people.map((p) => ({
        id: p.id,
        displayName: p.displayName,
        userPrincipalName: p.userPrincipalName,
        mail: p.mail,
        userType: p.userType,
        organisationId: p.xOrganisationId,
        companyName: p.companyName,
        jobTitle: p.jobTitle,
        roles: p.xRoles,
      })),
    });
  });
  /** The token Teams SSO would give the tab for this person. */
  router.post('/personas/token', async (req, res) => {
    const body = z.object({ user: z.string().min(1), ttlSeconds: z.number().int().optional() }).safeParse(req.body);
    if (!body.success) throw graphErrors.badRequest('Body must be {"user": id, upn or mail}.');
    const user = findPerson(ctx, body.data.user);
    if (!user) throw graphErrors.notFound(`No person '${body.data.user}' in the local tenant.`);
    res.json({ access_token: await ctx.tokens.ssoToken(user, { ttlSeconds: body.data.ttlSeconds }) });
  });
  adminTokenRoute(router, ctx);
  /** Any claims signed by the tenant's key: for tests of validation (expired, wrong audience or tenant, no scope). */
  router.post('/tokens', async (req, res) => {
    const body = z
      .object({ claims: z.record(z.string(), z.unknown()), ttlSeconds: z.number().int().optional() })
      .safeParse(req.body);
    if (!body.success) throw graphErrors.badRequest('Body must be {"claims": {...}, "ttlSeconds"?: number}.');
    res.json({ access_token: await ctx.tokens.mint(body.data.claims, body.data.ttlSeconds) });
  });

  return router;
}

/**
 * The inspection principal: a token with every permission any operation's rule names, for tests and scripts
 * that count events, channels and items as an administrator would. Its app id is not the app's, so it holds no
 * RSC or Sites.Selected grant of the app's and the request log tells it apart. With `user`, a delegated token
 * for that person with every delegated scope (for /me). Local only, as the whole emulator is.
 */
function adminTokenRoute(router: Router, ctx: EmulatorContext): void {
  router.post('/admin-token', async (req, res) => {
    const body = z
      .object({ user: z.string().min(1).optional() })
      .strict()
      .safeParse(req.body ?? {});
    if (!body.success) throw graphErrors.badRequest('Body must be {} or {"user": id, upn or mail}.');
    const inspector = {
      ...ctx.app,
      clientId: INSPECTION_APP_ID,
      displayName: 'Local tenant inspection',
      delegatedPermissions: everyDelegatedPermission(),
      applicationPermissions: everyPermission(),
    };
    if (!body.data.user) return res.json({ access_token: await ctx.tokens.appGraphToken(inspector) });
    const user = findPerson(ctx, body.data.user);
    if (!user) throw graphErrors.notFound(`No person '${body.data.user}' in the local tenant.`);
    res.json({ access_token: await ctx.tokens.delegatedGraphToken(user, inspector) });
  });
}
