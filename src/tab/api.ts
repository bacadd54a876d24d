import { z } from 'zod';
import { ROLES } from '../domain/roles';

const roleSchema = z.enum(ROLES);

export const configSchema = z.object({
  mode: z.enum(['local', 'tenant']),
  tenantId: z.string(),
  clientId: z.string(),
  scope: z.string(),
  /** Entra's authority for msal-browser, and in local mode the local tenant's endpoints (openid-configuration JSON). */
  authority: z.string(),
  authorityMetadata: z.string().optional(),
});
export type TabConfig = z.infer<typeof configSchema>;

const personSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  email: z.string(),
  organisationId: z.string(),
  organisationName: z.string().optional(),
  roles: z.array(roleSchema),
  title: z.string().nullish(),
  phone: z.string().nullish(),
});

export const meSchema = z.object({
  person: personSchema.extend({ organisationName: z.string() }),
  allowedActions: z.array(z.string()),
});
export type Me = z.infer<typeof meSchema>;

export const organisationSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['kommun', 'region', 'lansstyrelse']),
  emailDomain: z.string(),
});
export type OrganisationDto = z.infer<typeof organisationSchema>;

export const contactSchema = personSchema.extend({ etag: z.string() });
export type Contact = z.infer<typeof contactSchema>;
const savedContactSchema = contactSchema.partial({ etag: true });
export type SavedContact = z.infer<typeof savedContactSchema>;

const meetingSchema = z.object({
  id: z.string(),
  title: z.string(),
  group: z.string(),
  start: z.string(),
  end: z.string(),
  status: z.string(),
});
export type MeetingDto = z.infer<typeof meetingSchema>;

const breachSchema = z.object({
  code: z.string(),
  organisationId: z.string().optional(),
  personIds: z.array(z.string()).optional(),
  message: z.string(),
});
export type Breach = z.infer<typeof breachSchema>;

const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    requestId: z.string().optional(),
    issues: z.array(z.object({ path: z.unknown().optional(), message: z.string() }).loose()).optional(),
    current: z.unknown().optional(),
  }),
});

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

const NETWORK_MESSAGE = 'Det gick inte att nå servern. Kontrollera anslutningen och försök igen.';
const BAD_RESPONSE_MESSAGE = 'Servern svarade på ett oväntat sätt. Försök igen om en stund.';

export interface PersonPatch {
  displayName?: string;
  title?: string;
  phone?: string;
  roles?: string[];
}

export interface ApiClient {
  me(): Promise<Me>;
  organisations(): Promise<OrganisationDto[]>;
  people(): Promise<Contact[]>;
  updatePerson(id: string, etag: string, patch: PersonPatch): Promise<SavedContact>;
  commitments(): Promise<Breach[]>;
  upcomingMeetings(): Promise<MeetingDto[]>;
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
  return send(`${baseUrl}/api/config`, { headers: { accept: 'application/json' } }, configSchema);
}

export function createApiClient({ baseUrl = '', getToken }: ApiClientOptions): ApiClient {
  async function call<T>(path: string, schema: z.ZodType<T>, init: RequestInit = {}): Promise<T> {
    const token = await getToken();
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${token}`);
    headers.set('accept', 'application/json');
    return send(`${baseUrl}${path}`, { ...init, headers }, schema);
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
      (await call('/api/meetings?upcoming=true', z.object({ meetings: z.array(meetingSchema) }))).meetings,
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
