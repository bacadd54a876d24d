import type { z } from 'zod';
import type {
  BreachDto,
  ContactDto,
  ContactPatch,
  MeDto,
  OrganisationDto,
  SavedContactDto,
  TabConfigDto,
} from '../contract/contacts';
import type { MeetingSummaryDto } from '../contract/meetings';
import { IDEMPOTENCY_KEY_HEADER } from '../contract/idempotency';
import type { ApiSchemas } from './apiSchemas';
import { actionKey, confirmAction, writeAction } from './idempotency';

// zod and the contract's schemas come with the first request (./apiSchemas), not in the first load (#18).
// One import, shared by every request (jest's vm modules cannot link two imports of one module at once).
let schemasLoading: Promise<ApiSchemas> | undefined;
let schemasLoaded: ApiSchemas | undefined;
function loadSchemas(): Promise<ApiSchemas> {
  schemasLoading ??= import('./apiSchemas').then((module) => (schemasLoaded = module.apiSchemas));
  return schemasLoading;
}

/**
 * What checks an answer: a zod schema, or a function that loads one (a schema that is not in the first load:
 * `() => import('../contract/todo').then((m) => m.todoAnswerSchema)`).
 */
export type SchemaSource<T> = z.ZodType<T> | (() => Promise<z.ZodType<T>>);
const schemaOf = <T>(source: SchemaSource<T>) => (typeof source === 'function' ? source() : Promise.resolve(source));

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
    schema: SchemaSource<T>,
    init?: { method?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<T>;
  /** A file the API serves (PDF, .ics), fetched with the token. */
  download(path: string): Promise<Blob>;
  /**
   * Sends a file's bytes (POST, application/octet-stream) with XMLHttpRequest, whose `upload.onprogress` reports
   * the bytes sent; the answer checked by `schema`. It carries an Idempotency-Key as every write does.
   */
  upload<T>(
    path: string,
    file: Blob,
    schema: SchemaSource<T>,
    onProgress?: (sent: number, total: number) => void,
  ): Promise<T>;
}

/** The answer of an upload: the status and the JSON body (undefined when it was none). */
function xhrPost(
  url: string,
  headers: Headers,
  file: Blob,
  onProgress?: (sent: number, total: number) => void,
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    headers.forEach((value, name) => xhr.setRequestHeader(name, value));
    xhr.upload.onprogress = (event) => onProgress?.(event.loaded, event.lengthComputable ? event.total : file.size);
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText) as unknown;
      } catch {
        body = undefined;
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => reject(new ApiError('NETWORK', NETWORK_MESSAGE, 0));
    xhr.ontimeout = () => reject(new ApiError('NETWORK', NETWORK_MESSAGE, 0));
    xhr.onabort = () => reject(new ApiError('NETWORK', NETWORK_MESSAGE, 0));
    xhr.send(file);
  });
}

async function sendUpload<T>(
  url: string,
  headers: Headers,
  file: Blob,
  source: SchemaSource<T>,
  onProgress?: (sent: number, total: number) => void,
): Promise<T> {
  const schemas = loadSchemas();
  const schema = schemaOf(source);
  void schemas.catch(() => undefined);
  void schema.catch(() => undefined);
  const { status, body } = await xhrPost(url, headers, file, onProgress);
  if (status < 200 || status >= 300) {
    const parsed = (await schemas).errorBody.safeParse(body);
    if (!parsed.success) throw new ApiError('BAD_RESPONSE', BAD_RESPONSE_MESSAGE, status);
    const { code, message, requestId, current, issues } = parsed.data.error;
    throw new ApiError(code, message, status, requestId, current, issues);
  }
  const parsed = (await schema).safeParse(body);
  if (!parsed.success) throw new ApiError('BAD_RESPONSE', BAD_RESPONSE_MESSAGE, status);
  return parsed.data;
}

export interface ApiClientOptions {
  baseUrl?: string;
  getToken(): Promise<string>;
}

async function send<T>(url: string, init: RequestInit, source: SchemaSource<T>): Promise<T> {
  // Both loads start before the answer arrives (the schemas' chunk on the first request).
  const schemas = loadSchemas();
  const schema = schemaOf(source);
  // Settled here too, so that neither rejects unhandled while the request fails.
  void schemas.catch(() => undefined);
  void schema.catch(() => undefined);
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
    const parsed = (await schemas).errorBody.safeParse(body);
    if (!parsed.success) throw new ApiError('BAD_RESPONSE', BAD_RESPONSE_MESSAGE, response.status);
    const { code, message, requestId, current, issues } = parsed.data.error;
    throw new ApiError(code, message, response.status, requestId, current, issues);
  }
  const parsed = (await schema).safeParse(body);
  if (!parsed.success) throw new ApiError('BAD_RESPONSE', BAD_RESPONSE_MESSAGE, response.status);
  return parsed.data;
}

export async function fetchConfig(baseUrl = ''): Promise<TabConfig> {
  return send(
    `${baseUrl}/api/config`,
    { headers: { accept: 'application/json' } },
    async () => (await loadSchemas()).tabConfig,
  );
}

/** One of ./apiSchemas' schemas, loaded with them: for the first load's requests (Översikt's to-do and uppdrag). */
export function fromSchemas<K extends keyof ApiSchemas>(name: K): () => Promise<ApiSchemas[K]> {
  return async () => (await loadSchemas())[name];
}

/** ApiClient.upload: the bytes by XMLHttpRequest with the token and the action's Idempotency-Key. */
function uploader(baseUrl: string, getToken: () => Promise<string>): ApiClient['upload'] {
  return async (path, file, schema, onProgress) => {
    const token = await getToken();
    const headers = new Headers({
      authorization: `Bearer ${token}`,
      accept: 'application/json',
      'content-type': 'application/octet-stream',
    });
    // The file's name, size and type tell two uploads apart (its bytes are not hashed).
    const file_ = file as Blob & { name?: string; lastModified?: number };
    const action = writeAction('POST', path, `${file_.name ?? ''}:${file.size}:${file_.lastModified ?? ''}`);
    headers.set(IDEMPOTENCY_KEY_HEADER, actionKey(action));
    try {
      const result = await sendUpload(`${baseUrl}${path}`, headers, file, schema, onProgress);
      confirmAction(action);
      return result;
    } catch (error) {
      if (error instanceof ApiError && error.status >= 400 && error.status < 500) confirmAction(action);
      throw error;
    }
  };
}

export function createApiClient({ baseUrl = '', getToken }: ApiClientOptions): ApiClient {
  async function call<T>(path: string, schema: SchemaSource<T>, init: RequestInit = {}): Promise<T> {
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
    me: () => call('/api/me', fromSchemas('me')),
    organisations: async () => (await call('/api/organisations', fromSchemas('organisations'))).organisations,
    people: async () => (await call('/api/people', fromSchemas('people'))).people,
    updatePerson: async (id, etag, patch) => {
      const saved = await call(`/api/people/${encodeURIComponent(id)}`, fromSchemas('savedPerson'), {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'if-match': etag },
        body: JSON.stringify(patch),
      });
      return 'person' in saved ? saved.person : saved;
    },
    commitments: async () => (await call('/api/commitments', fromSchemas('commitments'))).breaches,
    upcomingMeetings: async () => (await call('/api/meetings?upcoming=true', fromSchemas('upcomingMeetings'))).meetings,
    request: (path, schema, init = {}) =>
      call(path, schema, {
        method: init.method ?? 'GET',
        headers: { ...init.headers, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      }),
    upload: uploader(baseUrl, getToken),
    download: async (path) => {
      const token = await getToken();
      let response: Response;
      try {
        response = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
      } catch {
        throw new ApiError('NETWORK', NETWORK_MESSAGE, 0);
      }
      if (!response.ok) {
        const body: unknown = await response.json().catch(() => undefined);
        const parsed = (await loadSchemas()).errorBody.safeParse(body);
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
  // The 409 came through `send`, which read it with the loaded schemas; without them there is no conflict to read.
  const parsed = schemasLoaded?.contact.safeParse(error.current);
  if (!parsed) return undefined;
  return parsed.success ? parsed.data : undefined;
}
