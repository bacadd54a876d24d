import express, { type Router } from 'express';
import type { EmulatorContext } from '../context';
import { mount, type MountTable } from '../routing';
import { completeSignIn, signInPage } from './authorize';
import { discoveryInstance, openIdConfiguration, signingKeys } from './metadata';
import { tokenCors } from './spaToken';
import { issueToken } from './token';

/** The Entra-like endpoints of one tenant: (method, path) → named handler. Not Graph: no Graph token needed. */
export function identityRoutes(tenantId: string): MountTable {
  const oauth = `/${tenantId}/oauth2/v2.0`;
  return [
    {
      method: 'GET',
      path: '/common/discovery/instance',
      operation: 'GET /common/discovery/instance',
      handler: discoveryInstance,
    },
    {
      method: 'GET',
      path: `/${tenantId}/v2.0/.well-known/openid-configuration`,
      operation: 'GET /{tenant}/v2.0/.well-known/openid-configuration',
      handler: openIdConfiguration,
    },
    {
      method: 'GET',
      path: `/${tenantId}/discovery/v2.0/keys`,
      operation: 'GET /{tenant}/discovery/v2.0/keys',
      handler: signingKeys,
    },
    { method: 'POST', path: `${oauth}/token`, operation: 'POST /{tenant}/oauth2/v2.0/token', handler: issueToken },
    {
      method: 'GET',
      path: `${oauth}/authorize`,
      operation: 'GET /{tenant}/oauth2/v2.0/authorize',
      handler: signInPage,
    },
    {
      method: 'POST',
      path: `${oauth}/authorize`,
      operation: 'POST /{tenant}/oauth2/v2.0/authorize',
      handler: completeSignIn,
    },
  ];
}

export function identityRouter(ctx: EmulatorContext): Router {
  const router = express.Router();
  router.use(`/${ctx.tenantId}/oauth2/v2.0/token`, tokenCors);
  router.use(`/${ctx.tenantId}/oauth2`, express.urlencoded({ extended: false, limit: '64kb' }));
  // Entra's endpoints, not Graph: no Graph permission applies.
  mount(router, ctx, identityRoutes(ctx.tenantId), { graph: false });
  return router;
}
