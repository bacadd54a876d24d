import type { Request } from 'express';
import { graphErrors } from './errors';

/** Strict by default: a query option the endpoint does not implement is a 400, never silently ignored. */
export function assertQueryOptions(req: Request, allowed: readonly string[]): void {
  for (const key of Object.keys(req.query)) {
    if (!allowed.includes(key)) throw graphErrors.unsupportedQuery(key);
  }
}

export function queryString(req: Request, name: string): string | undefined {
  const value = req.query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw graphErrors.badRequest(`Query option '${name}' was given more than once.`);
  return value;
}

export function parseTop(req: Request, max: number, fallback: number): number {
  const raw = queryString(req, '$top');
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw graphErrors.badRequest(`Invalid value '${raw}' for query option '$top'.`);
  return Math.min(n, max);
}

export function parseSelect(req: Request): string[] | undefined {
  const raw = queryString(req, '$select');
  return raw === undefined
    ? undefined
    : raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
}

export function applySelect<T extends object>(
  obj: T,
  select: string[] | undefined,
  always: string[] = ['id'],
): Partial<T> {
  if (!select) return obj;
  const out: Record<string, unknown> = {};
  for (const key of [...always, ...select]) {
    if (key in obj) out[key] = (obj as Record<string, unknown>)[key];
  }
  return out as Partial<T>;
}

/**
 * One page of a collection and the next page's link. The skip token is opaque to clients (they must follow
 * `@odata.nextLink` whole, as Graph asks), here a base64url offset.
 */
export function page<T>(
  req: Request,
  baseUrl: string,
  items: T[],
  top: number,
): { value: T[]; '@odata.nextLink'?: string } {
  const skip = queryString(req, '$skiptoken');
  let offset = 0;
  if (skip !== undefined) {
    const decoded = Number(Buffer.from(skip, 'base64url').toString());
    if (!Number.isInteger(decoded) || decoded < 0) throw graphErrors.badRequest('Invalid $skiptoken.');
    offset = decoded;
  }
  const value = items.slice(offset, offset + top);
  if (offset + top >= items.length) return { value };
  // Graph writes its query options unencoded ($skiptoken, not %24skiptoken); keep the caller's other options.
  const [path, query = ''] = req.originalUrl.split('?');
  const kept = query.split('&').filter((p) => p && !/^(%24|\$)(skiptoken|top)=/i.test(p));
  const token = Buffer.from(String(offset + top)).toString('base64url');
  const next = `${baseUrl}${path}?${[...kept, `$top=${top}`, `$skiptoken=${token}`].join('&')}`;
  return { value, '@odata.nextLink': next };
}

/** `@odata.context` as Graph writes it, e.g. `${base}/v1.0/$metadata#users`. */
export function odataContext(baseUrl: string, fragment: string): string {
  return `${baseUrl}/v1.0/$metadata#${fragment}`;
}
