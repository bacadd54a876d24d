import type { EmulatorContext } from '../../context';
import { graphErrors } from '../../errors';
import { TENANT_SCOPE } from '../../model';
import { stableGuid } from '../../seed/people';
import { SITE_KIND, type StoredSite } from './model';

/** Graph's composite site id: `{hostname},{site collection id},{web id}`. */
export function siteIdFor(hostname: string, serverRelativePath: string): string {
  const key = `${hostname.toLowerCase()}${serverRelativePath.toLowerCase()}`;
  return `${hostname},${stableGuid(`spsite:${key}`)},${stableGuid(`spweb:${key}`)}`;
}

export type SiteReference =
  { kind: 'root' } | { kind: 'id'; id: string } | { kind: 'path'; hostname: string; serverRelativePath: string };

/**
 * Splits what follows `/sites/` into the site reference and the remaining segments. Graph names a site by id
 * (`host,guid,guid`), by hostname (its root site), as `root`, or by path: `host:/sites/x` and, to go deeper,
 * `host:/sites/x:/lists`.
 */
export function parseSitesPath(rawPath: string): { site: SiteReference; tail: string[] } | undefined {
  const path = rawPath.replace(/%3A/gi, ':').replace(/^\/+/, '');
  if (path === '') return undefined;
  const firstSlash = path.indexOf('/');
  const firstSegment = firstSlash < 0 ? path : path.slice(0, firstSlash);
  const colon = path.indexOf(':');
  if (colon >= 0 && (firstSlash < 0 || colon < firstSlash)) {
    const hostname = decodeURIComponent(path.slice(0, colon));
    const afterHost = path.slice(colon + 1);
    const end = afterHost.indexOf(':');
    const serverRelativePath = decodeURIComponent(end < 0 ? afterHost : afterHost.slice(0, end));
    const rest = end < 0 ? '' : afterHost.slice(end + 1);
    return { site: { kind: 'path', hostname, serverRelativePath }, tail: segments(rest) };
  }
  const rest = firstSlash < 0 ? '' : path.slice(firstSlash + 1);
  const id = decodeURIComponent(firstSegment);
  if (id === 'root') return { site: { kind: 'root' }, tail: segments(rest) };
  if (!id.includes(',')) return { site: { kind: 'path', hostname: id, serverRelativePath: '/' }, tail: segments(rest) };
  return { site: { kind: 'id', id }, tail: segments(rest) };
}

function segments(rest: string): string[] {
  return rest
    .split('/')
    .filter((s) => s !== '')
    .map((s) => decodeURIComponent(s));
}

function normalisePath(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return (trimmed.startsWith('/') ? trimmed : `/${trimmed}`).toLowerCase() || '/';
}

export function resolveSite(ctx: EmulatorContext, ref: SiteReference): StoredSite {
  const sites = ctx.store.list<StoredSite>(SITE_KIND, TENANT_SCOPE);
  let site: StoredSite | undefined;
  if (ref.kind === 'root') site = sites.find((s) => s.root);
  else if (ref.kind === 'id') {
    const wanted = ref.id.toLowerCase();
    site = sites.find((s) => s.id.toLowerCase() === wanted);
  } else {
    const host = ref.hostname.toLowerCase();
    const wanted = normalisePath(ref.serverRelativePath);
    site = sites.find(
      (s) => s.siteCollection?.hostname?.toLowerCase() === host && normalisePath(s.xServerRelativePath) === wanted,
    );
  }
  if (!site) throw graphErrors.notFound('Requested site could not be found');
  return site;
}

export function seedSite(
  ctx: EmulatorContext,
  hostname: string,
  serverRelativePath: string,
  displayName: string,
  description: string,
): StoredSite {
  const id = siteIdFor(hostname, serverRelativePath);
  const isRoot = serverRelativePath === '/';
  const created = '2024-01-15T08:00:00Z';
  const site: StoredSite = {
    id,
    name: isRoot ? hostname.split('.')[0]! : serverRelativePath.split('/').filter(Boolean).pop()!,
    displayName,
    description,
    webUrl: `https://${hostname}${isRoot ? '' : serverRelativePath}`,
    createdDateTime: created,
    lastModifiedDateTime: created,
    siteCollection: { hostname },
    ...(isRoot ? { root: {} } : {}),
    xServerRelativePath: serverRelativePath,
  };
  ctx.store.put(SITE_KIND, TENANT_SCOPE, id, site);
  return site;
}

/** A stored document without the emulator's own `x…` properties. */
export function withoutPrivate<T extends object>(doc: T): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) if (!/^x[A-Z]/.test(key)) out[key] = value;
  return out as Partial<T>;
}
