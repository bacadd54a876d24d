import type { Request, Response } from 'express';
import type { EmulatorContext, ResourceModule } from '../context';
import { GraphHttpError, graphErrors } from '../errors';
import { TENANT_SCOPE, publicUser, type StoredUser } from '../model';
import { assertQueryOptions, odataContext, page, parseSelect, parseTop, queryString } from '../odata';
import { principalOf } from '../permissions';
import { param, type MountTable } from '../routing';
import { SEED_PEOPLE } from '../seed/people';
import { filterPredicate, type FilterOptions, type PathBinding, type ValueKind } from '../filter';
import { INVITATION_ROUTES } from './invitations';

/**
 * Graph keys users by object id or userPrincipalName only (`/users/{id | userPrincipalName}`); an e-mail address
 * that is not the UPN (every guest's, whose UPN is `name_domain#EXT#@tenant.onmicrosoft.com`) names nobody.
 */
export function findUser(ctx: EmulatorContext, idOrUpn: string): StoredUser | undefined {
  const byId = ctx.store.get<StoredUser>('user', TENANT_SCOPE, idOrUpn);
  if (byId) return byId;
  const lower = idOrUpn.toLowerCase();
  return ctx.store.list<StoredUser>('user', TENANT_SCOPE).find((u) => u.userPrincipalName.toLowerCase() === lower);
}

/**
 * For the local sign-in page and the persona controls only (not Graph): a person by id, UPN or any of their
 * addresses, as a person types their e-mail at a sign-in prompt.
 */
export function findPerson(ctx: EmulatorContext, idUpnOrMail: string): StoredUser | undefined {
  const found = findUser(ctx, idUpnOrMail);
  if (found) return found;
  const lower = idUpnOrMail.toLowerCase();
  return ctx.store
    .list<StoredUser>('user', TENANT_SCOPE)
    .find((u) => u.mail.toLowerCase() === lower || (u.otherMails ?? []).some((m) => m.toLowerCase() === lower));
}

/** `/users/{id}` and `/users('{upn}')` both name a user, as in Graph (the route may hand over `'upn'`). */
export function userKey(raw: string): string {
  const m = /^\(?'(.+)'\)?$/.exec(raw);
  return decodeURIComponent(m ? m[1]!.replace(/''/g, "'") : raw);
}

/** The directory's answer for a user it does not have (`GET /users/{x}`), as Graph words it. */
export function userNotFound(key: string): GraphHttpError {
  return new GraphHttpError(
    404,
    'Request_ResourceNotFound',
    `Resource '${key}' does not exist or one of its queried reference-property objects are not present.`,
  );
}

export function requireUser(ctx: EmulatorContext, idOrUpn: string): StoredUser {
  const key = userKey(idOrUpn);
  const user = findUser(ctx, key);
  if (!user) throw userNotFound(key);
  return user;
}

/** What `GET /users` and `GET /users/{id}` return without `$select` (user-list: "default properties"). */
export const DEFAULT_USER_PROPERTIES = [
  'businessPhones',
  'displayName',
  'givenName',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
  'id',
] as const;

/** Properties of the user resource a `$select` may name here (the rest of Graph's user type is not modelled). */
const SELECTABLE_USER_PROPERTIES: ReadonlySet<string> = new Set([
  ...DEFAULT_USER_PROPERTIES,
  'accountEnabled',
  'companyName',
  'otherMails',
  'userType',
  'mailNickname',
  'department',
  'externalUserState',
  'creationType',
]);

/** A user as Graph answers it: the default property set, or exactly what `$select` names (unknown → 400). */
export function renderUser(user: StoredUser, select: string[] | undefined): Record<string, unknown> {
  const full = publicUser(user) as Record<string, unknown>;
  const names = select ?? [...DEFAULT_USER_PROPERTIES];
  const out: Record<string, unknown> = {};
  for (const name of names) {
    if (!SELECTABLE_USER_PROPERTIES.has(name))
      throw graphErrors.badRequest(
        `Could not find a property named '${name}' on type 'microsoft.graph.user'.`,
        'Request_BadRequest',
      );
    out[name] = full[name] ?? null;
  }
  return out;
}

/**
 * `$filter` on users, as the directory takes it without advanced query parameters: `eq` and `startswith` on
 * the properties below, joined by `and`/`or`. `ne`, `not` and range operators need `ConsistencyLevel: eventual`
 * and `$count` in Graph (aad-advanced-queries); they are refused here.
 */
const FILTERABLE_USER_PROPERTIES: Record<string, ValueKind> = {
  id: 'string',
  mail: 'string',
  userPrincipalName: 'string',
  displayName: 'string',
  givenName: 'string',
  surname: 'string',
  jobTitle: 'string',
  companyName: 'string',
  userType: 'string',
  accountEnabled: 'boolean',
};

function unsupportedUserFilter(detail: string): GraphHttpError {
  return graphErrors.badRequest(
    `Unsupported or invalid query filter clause specified: ${detail}`,
    'Request_UnsupportedQuery',
  );
}

/** Entra compares these case-insensitively (a UPN or address in any case names the same user). */
const DIRECTORY_FILTER: FilterOptions = {
  caseInsensitive: true,
  supports: { operators: ['eq'], logical: ['and', 'or'], startswith: true },
};

export function userFilter(raw: string | undefined): (user: StoredUser) => boolean {
  if (raw === undefined) return () => true;
  return filterPredicate<StoredUser>(
    raw,
    (segments): PathBinding<StoredUser> => {
      const name = segments.join('/');
      const kind = FILTERABLE_USER_PROPERTIES[name];
      if (!kind) throw unsupportedUserFilter(`property '${name}' of resource 'User'.`);
      return {
        kind,
        read: (user) => {
          const value = (user as unknown as Record<string, unknown>)[name];
          return typeof value === 'string' || typeof value === 'boolean' ? value : null;
        },
      };
    },
    DIRECTORY_FILTER,
    (message) => unsupportedUserFilter(message),
  );
}

function userEntity(ctx: EmulatorContext, req: Request, user: StoredUser) {
  const select = parseSelect(req);
  const fragment = select ? `users(${select.join(',')})/$entity` : 'users/$entity';
  return { '@odata.context': odataContext(ctx.baseUrl(), fragment), ...renderUser(user, select) };
}

function getMe(ctx: EmulatorContext, req: Request, res: Response): void {
  const principal = principalOf(req);
  if (principal.kind !== 'delegated')
    throw graphErrors.badRequest('/me request is only valid with delegated authentication flow.');
  assertQueryOptions(req, ['$select']);
  res.json(userEntity(ctx, req, requireUser(ctx, principal.userId)));
}

function listUsers(ctx: EmulatorContext, req: Request, res: Response): void {
  assertQueryOptions(req, ['$select', '$top', '$skiptoken', '$filter']);
  const select = parseSelect(req);
  const matches = userFilter(queryString(req, '$filter'));
  const users = ctx.store
    .list<StoredUser>('user', TENANT_SCOPE)
    .filter(matches)
    .map((u) => renderUser(u, select));
  res.json({
    '@odata.context': odataContext(ctx.baseUrl(), select ? `users(${select.join(',')})` : 'users'),
    ...page(req, ctx.baseUrl(), users, parseTop(req, 999, 100)),
  });
}

function getUser(ctx: EmulatorContext, req: Request, res: Response): void {
  assertQueryOptions(req, ['$select']);
  res.json(userEntity(ctx, req, requireUser(ctx, param(req, 'user'))));
}

export const USER_ROUTES: MountTable = [
  { method: 'GET', path: '/me', operation: 'GET /me', handler: getMe },
  { method: 'GET', path: '/users', operation: 'GET /users', handler: listUsers },
  {
    method: 'GET',
    path: ['/users/:user', '/users\\(:user\\)'],
    operation: 'GET /users/{id | userPrincipalName}',
    handler: getUser,
  },
  ...INVITATION_ROUTES,
];

export const usersModule: ResourceModule = {
  name: 'users',
  routes: USER_ROUTES,
  seed(ctx) {
    for (const person of SEED_PEOPLE) ctx.store.put('user', TENANT_SCOPE, person.id, person);
  },
};
