import type { NextFunction, Request, Response } from 'express';
import { graphErrors } from './errors';

/** OData's system query options, as Graph spells them with their `$`. */
const SYSTEM_QUERY_OPTIONS = [
  'select',
  'expand',
  'filter',
  'orderby',
  'top',
  'skip',
  'skiptoken',
  'count',
  'search',
  'format',
];

/**
 * "On the v1.0 endpoint, the $ prefix is optional for only a subset of APIs" (learn.microsoft.com/graph/query-parameters).
 * The SharePoint endpoints are in that subset: their own documented requests write `?expand=fields` and
 * `?select=name&expand=columns(select=name)`. Under the given path prefixes, `expand=` is read as `$expand=`
 * (so a request that writes both is a duplicate, a 400); elsewhere the `$` stays required.
 */
export function dollarOptionalQueryOptions(pathPrefixes: readonly string[]) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const at = req.url.indexOf('?');
    if (at >= 0 && pathPrefixes.some((p) => req.path.startsWith(p))) {
      const query = req.url
        .slice(at + 1)
        .split('&')
        .map((pair) => {
          const eq = pair.indexOf('=');
          const name = eq < 0 ? pair : pair.slice(0, eq);
          return SYSTEM_QUERY_OPTIONS.includes(name.toLowerCase())
            ? `$${name.toLowerCase()}${eq < 0 ? '' : pair.slice(eq)}`
            : pair;
        })
        .join('&');
      req.url = `${req.url.slice(0, at)}?${query}`;
    }
    next();
  };
}

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

/**
 * `$select` as Graph answers it: the properties named (and `always`), never silently fewer. A name the
 * resource does not have is a 400 with Graph's OData wording, not dropped: a strict tenant answers or refuses.
 * `typeName` (e.g. 'microsoft.graph.channel') words the error.
 */
export function applySelect<T extends object>(
  obj: T,
  select: string[] | undefined,
  always: string[] = ['id'],
  typeName?: string,
): Partial<T> {
  if (!select) return obj;
  const out: Record<string, unknown> = {};
  for (const key of always) if (key in obj) out[key] = (obj as Record<string, unknown>)[key];
  for (const key of select) {
    if (!(key in obj)) throw unknownProperty(key, typeName);
    out[key] = (obj as Record<string, unknown>)[key];
  }
  return out as Partial<T>;
}

export function unknownProperty(name: string, typeName?: string) {
  return graphErrors.badRequest(
    typeName
      ? `Could not find a property named '${name}' on type '${typeName}'.`
      : `Could not find a property named '${name}' on this resource.`,
  );
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

/** One navigation property of `$expand`, with the options written in its parentheses. */
export interface ExpandItem {
  name: string;
  select?: string[];
  expand?: ExpandItem[];
}

/** Splits on `separator` outside parentheses. */
function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
    if (depth < 0) throw expandError(text);
  }
  if (depth !== 0) throw expandError(text);
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter(Boolean);
}

function expandError(text: string) {
  return graphErrors.badRequest(`Parsing OData Select and Expand failed: the $expand '${text}' is not well formed.`);
}

/**
 * `$expand` as OData writes it: `fields`, `fields($select=A,B)`, `columns(select=name),items(expand=fields(select=X))`.
 * Nested options may drop their `$`, as Microsoft's own examples do; any nested option but select/expand is a 400.
 */
export function parseExpandOption(raw: string): ExpandItem[] {
  return splitTopLevel(raw, ',').map((part) => {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)\s*(?:\((.*)\))?$/s.exec(part);
    if (!m) throw expandError(raw);
    const item: ExpandItem = { name: m[1]! };
    for (const option of m[2] === undefined ? [] : splitTopLevel(m[2], ';')) {
      const eq = option.indexOf('=');
      const name = (eq < 0 ? option : option.slice(0, eq)).trim().replace(/^\$/, '').toLowerCase();
      const value = eq < 0 ? '' : option.slice(eq + 1).trim();
      if (name === 'select')
        item.select = value
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
      else if (name === 'expand') item.expand = parseExpandOption(value);
      else
        throw graphErrors.badRequest(
          `Parsing OData Select and Expand failed: '${option}' is not supported inside $expand by the local tenant.`,
        );
    }
    return item;
  });
}
