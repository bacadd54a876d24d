import type { Request, Response } from 'express';
import type { EmulatorContext, ResourceModule } from '../context';
import { graphErrors } from '../errors';
import { TENANT_SCOPE, publicUser, type StoredUser } from '../model';
import { applySelect, assertQueryOptions, odataContext, page, parseSelect, parseTop } from '../odata';
import { requirePermission } from '../permissions';
import { param, type MountTable } from '../routing';
import { SEED_PEOPLE } from '../seed/people';

export function findUser(ctx: EmulatorContext, idOrUpn: string): StoredUser | undefined {
  const byId = ctx.store.get<StoredUser>('user', TENANT_SCOPE, idOrUpn);
  if (byId) return byId;
  const lower = idOrUpn.toLowerCase();
  return ctx.store
    .list<StoredUser>('user', TENANT_SCOPE)
    .find((u) => u.userPrincipalName.toLowerCase() === lower || u.mail.toLowerCase() === lower);
}

/** `/users/{id}` and `/users('{upn}')` both name a user, as in Graph. */
export function userKey(raw: string): string {
  const m = /^\('(.+)'\)$/.exec(raw);
  return decodeURIComponent(m ? m[1]!.replace(/''/g, "'") : raw);
}

export function requireUser(ctx: EmulatorContext, idOrUpn: string): StoredUser {
  const user = findUser(ctx, userKey(idOrUpn));
  if (!user)
    throw graphErrors.resourceNotFound(
      `Resource '${idOrUpn}' does not exist or one of its queried reference-property objects are not present.`,
    );
  return user;
}

const READ_USERS = { delegated: ['User.ReadBasic.All'], application: ['User.Read.All'] };

function getMe(ctx: EmulatorContext, req: Request, res: Response): void {
  const principal = requirePermission(req, { delegated: ['User.Read'] });
  if (principal.kind !== 'delegated')
    throw graphErrors.badRequest('/me request is only valid with delegated authentication flow.');
  assertQueryOptions(req, ['$select']);
  const me = requireUser(ctx, principal.userId);
  res.json({
    '@odata.context': odataContext(ctx.baseUrl(), 'users/$entity'),
    ...applySelect(publicUser(me), parseSelect(req)),
  });
}

function listUsers(ctx: EmulatorContext, req: Request, res: Response): void {
  requirePermission(req, READ_USERS);
  assertQueryOptions(req, ['$select', '$top', '$skiptoken']);
  const select = parseSelect(req);
  const users = ctx.store.list<StoredUser>('user', TENANT_SCOPE).map((u) => applySelect(publicUser(u), select));
  res.json({
    '@odata.context': odataContext(ctx.baseUrl(), 'users'),
    ...page(req, ctx.baseUrl(), users, parseTop(req, 999, 100)),
  });
}

function getUser(ctx: EmulatorContext, req: Request, res: Response): void {
  requirePermission(req, READ_USERS);
  assertQueryOptions(req, ['$select']);
  const user = requireUser(ctx, param(req, 'user'));
  res.json({
    '@odata.context': odataContext(ctx.baseUrl(), 'users/$entity'),
    ...applySelect(publicUser(user), parseSelect(req)),
  });
}

export const USER_ROUTES: MountTable = [
  { method: 'GET', path: '/me', operation: 'GET /me', handler: getMe },
  { method: 'GET', path: '/users', operation: 'GET /users', handler: listUsers },
  { method: 'GET', path: '/users/:user', operation: 'GET /users/{id | userPrincipalName}', handler: getUser },
];

export const usersModule: ResourceModule = {
  name: 'users',
  routes: USER_ROUTES,
  seed(ctx) {
    for (const person of SEED_PEOPLE) ctx.store.put('user', TENANT_SCOPE, person.id, person);
  },
};
