import { z } from 'zod';
// From the contract's files themselves, not its index: the sign-in and shell chunk needs no feature's schemas.
import { errorBodySchema } from '../contract/common';
import {
  breachSchema,
  contactSchema,
  meSchema,
  organisationSchema,
  savedContactSchema,
  tabConfigSchema,
  type BreachDto,
  type ContactDto,
  type ContactPatch,
  type MeDto,
  type OrganisationDto,
  type SavedContactDto,
  type TabConfigDto,
} from '../contract/contacts';
import { meetingSummarySchema, type MeetingSummaryDto } from '../contract/meetings';
import { IDEMPOTENCY_KEY_HEADER } from '../contract/idempotency';
import { actionKey, confirmAction, writeAction } from './idempotency';

/** The answers' types, from the API's contract (src/contract): the tab declares no schema of its own. */
export type TabConfig = TabConfigDto;
export type Me = MeDto;
export type Contact = ContactDto;
export type SavedContact = SavedContactDto;
export type Breach = BreachDto;
export type { MeetingSummaryDto, OrganisationDto };

export type ApiErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'VALIDATION'
  | 'CONFLICT'
  | 'NOT_FOUND'
  | 'CONSENT_REQUIRED'
  | 'GRAPH_UNAVAILABLE'
  | 'INTERNAL'
  | 'NETWORK'
  | 'BAD_RESPONSE';

/** An API failure carrying the server's Swedish message, meant to be shown to the user as is. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode | string,
    message: string,
    readonly status: number,
    readonly requestId?: string,
    readonly current?: unknown,
    readonly issues?: { message: string }[],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const NETWORK_MESSAGE = 'Det gick inte att nå servern. Kontrollera anslutningen och försök igen.';
const BAD_RESPONSE_MESSAGE = 'Servern svarade på ett oväntat sätt. Försök igen om en stund.';

/** What the contact dialog may change (the contract's patch without the fields the tab never sends). */
export type PersonPatch = Pick<ContactPatch, 'displayName' | 'title' | 'phone' | 'roles'>;

export interface ApiClient {
  me(): Promise<Me>;
  organisations(): Promise<OrganisationDto[]>;
  people(): Promise<Contact[]>;
  updatePerson(id: string, etag: string, patch: PersonPatch): Promise<SavedContact>;
  commitments(): Promise<Breach[]>;
  upcomingMeetings(): Promise<MeetingSummaryDto[]>;
  /** A feature's own endpoint, its answer checked by `schema` (features keep their schemas beside their pages). */
  request<T>(
    path: string,
    schema: z.ZodType<T>,
    init?: { method?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<T>;
  /** A file the API serves (PDF, .ics), fetched with the token. */
  download(path: string): Promise<Blob>;
}

export interface ApiClientOptions {
  baseUrl?: string;
  getToken(): Promise<string>;
}

async function send<T>(url: string, init: RequestInit, schema: z.ZodType<T>): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch {
    throw new ApiError('NETWORK', NETWORK_MESSAGE, 0);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const parsed = errorBodySchema.safeParse(body);
    if (!parsed.success) throw new ApiError('BAD_RESPONSE', BAD_RESPONSE_MESSAGE, response.status);
    const { code, message, requestId, current, issues } = parsed.data.error;
    throw new ApiError(code, message, response.status, requestId, current, issues);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiError('BAD_RESPONSE', BAD_RESPONSE_MESSAGE, response.status);
  return parsed.data;
}

export async function fetchConfig(baseUrl = ''): Promise<TabConfig> {
  return send(`${baseUrl}/api/config`, { headers: { accept: 'application/json' } }, tabConfigSchema);
}

export function createApiClient({ baseUrl = '', getToken }: ApiClientOptions): ApiClient {
  async function call<T>(path: string, schema: z.ZodType<T>, init: RequestInit = {}): Promise<T> {
    const token = await getToken();
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${token}`);
    headers.set('accept', 'application/json');
    const method = (init.method ?? 'GET').toUpperCase();
    if (!WRITE_METHODS.has(method)) return send(`${baseUrl}${path}`, { ...init, headers }, schema);
    // Every write carries the key of its action, kept until the answer is definitive (src/tab/idempotency.ts).
    const action = writeAction(method, path, typeof init.body === 'string' ? init.body : undefined);
    if (!headers.has(IDEMPOTENCY_KEY_HEADER)) headers.set(IDEMPOTENCY_KEY_HEADER, actionKey(action));
    try {
      const result = await send(`${baseUrl}${path}`, { ...init, headers }, schema);
      confirmAction(action);
      return result;
    } catch (error) {
      // A 4xx is an answer (the action is done with); a lost answer or a 5xx keeps the key for the retry.
      if (error instanceof ApiError && error.status >= 400 && error.status < 500) confirmAction(action);
      throw error;
    }
  }
  return {
    me: () => call('/api/me', meSchema),
    organisations: async () =>
      (await call('/api/organisations', z.object({ organisations: z.array(organisationSchema) }))).organisations,
    people: async () => (await call('/api/people', z.object({ people: z.array(contactSchema) }))).people,
    updatePerson: async (id, etag, patch) => {
      const saved = await call(
        `/api/people/${encodeURIComponent(id)}`,
        z.union([z.object({ person: savedContactSchema }), savedContactSchema]),
        {
          method: 'PATCH',
          headers: { 'content-type': 'application/json', 'if-match': etag },
          body: JSON.stringify(patch),
        },
      );
      return 'person' in saved ? saved.person : saved;
    },
    commitments: async () => (await call('/api/commitments', z.object({ breaches: z.array(breachSchema) }))).breaches,
    upcomingMeetings: async () =>
      (await call('/api/meetings?upcoming=true', z.object({ meetings: z.array(meetingSummarySchema) }))).meetings,
    request: (path, schema, init = {}) =>
      call(path, schema, {
        method: init.method ?? 'GET',
        headers: { ...init.headers, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      }),
    download: async (path) => {
      const token = await getToken();
      let response: Response;
      try {
        response = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
      } catch {
        throw new ApiError('NETWORK', NETWORK_MESSAGE, 0);
      }
      if (!response.ok) {
        const parsed = errorBodySchema.safeParse(await response.json().catch(() => undefined));
        if (!parsed.success) throw new ApiError('BAD_RESPONSE', BAD_RESPONSE_MESSAGE, response.status);
        const { code, message, requestId } = parsed.data.error;
        throw new ApiError(code, message, response.status, requestId);
      }
      return response.blob();
    },
  };
}

/** The 409 body's `current`, when it is a contact: the newer version to show the user. */
export function conflictCurrent(error: ApiError): Contact | undefined {
  const parsed = contactSchema.safeParse(error.current);
  return parsed.success ? parsed.data : undefined;
}
