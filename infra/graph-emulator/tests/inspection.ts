import type { RunningTenant } from '../src/index';
import { everyDelegatedPermission } from '../src/permissionTable';
import type { StoredUser } from '../src/model';
import { GRAPH_AUDIENCE } from '../src/tenantConfig';

/**
 * Raw Graph requests as a person holding every permission the operations need (a token signed by the tenant's
 * key through `/_emulator/tokens`): for tests that are about what the tenant answers, not about who may ask.
 */
const EVERY_SCOPE = everyDelegatedPermission();

export interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

export interface RawGraph {
  (
    method: string,
    path: string,
    body?: unknown,
    options?: { as?: StoredUser; headers?: Record<string, string> },
  ): Promise<Answer>;
}

export function rawGraph(tenant: () => RunningTenant, defaultUser: StoredUser): RawGraph {
  const tokens = new Map<string, string>();
  async function tokenFor(user: StoredUser): Promise<string> {
    const cached = tokens.get(user.id);
    if (cached) return cached;
    const t = tenant();
    const response = await fetch(`${t.url}/_emulator/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        claims: {
          aud: GRAPH_AUDIENCE,
          iss: `https://sts.windows.net/${t.tenantId}/`,
          tid: t.tenantId,
          oid: user.id,
          upn: user.userPrincipalName,
          appid: t.clientId,
          scp: EVERY_SCOPE.join(' '),
          ver: '1.0',
        },
      }),
    });
    const token = ((await response.json()) as { access_token: string }).access_token;
    tokens.set(user.id, token);
    return token;
  }
  return async (method, path, body, options = {}) => {
    const response = await fetch(`${tenant().graphUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await tokenFor(options.as ?? defaultUser)}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...options.headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text) as unknown;
    return { status: response.status, headers: response.headers, body: text === '' ? undefined : parsed };
  };
}

export function ok<T>(answer: Answer, status = 200): T {
  if (answer.status !== status)
    throw new Error(`expected ${status}, got ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body as T;
}

export function errorOf(answer: Answer): { status: number; code?: string; message?: string } {
  const error = (answer.body as { error?: { code?: string; message?: string } } | undefined)?.error;
  return { status: answer.status, code: error?.code, message: error?.message };
}
