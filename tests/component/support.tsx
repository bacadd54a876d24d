import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { fireEvent, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createApiClient, type Contact, type Me, type OrganisationDto } from '../../src/tab/api';
import { I18nProvider, type Language } from '../../src/tab/i18n';
// The pages' strings, which the tab loads with each page (Shell): the tests render pages directly.
import '../../src/tab/i18n/pages';
import { ServicesProvider, type TabServices } from '../../src/tab/services';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Headers;
  body?: string;
}

type Route = (request: RecordedRequest) => { status?: number; body: unknown } | undefined;

// jsdom has no Response; the tab reads only ok, status and json().
export function jsonResponse(status: number, body: unknown): Response {
  const text = JSON.stringify(body);
  return {
    ok: status >= 200 && status < 300,
    status,
    headers: new Headers({ 'content-type': 'application/json' }),
    json: async () => JSON.parse(text) as unknown,
    text: async () => text,
  } as Response;
}

/** Stubs globalThis.fetch with the API's JSON answers; every request is recorded for assertions. */
export function stubApi(routes: Record<string, Route | object>): RecordedRequest[] {
  const requests: RecordedRequest[] = [];
  globalThis.fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.toString() : input.url;
    const method = (init.method ?? 'GET').toUpperCase();
    const request: RecordedRequest = {
      method,
      url,
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? init.body : undefined,
    };
    requests.push(request);
    const path = url.replace(/^https?:\/\/[^/]+/, '');
    const route = routes[`${method} ${path}`] ?? routes[path];
    const answer =
      typeof route === 'function' ? (route as Route)(request) : route === undefined ? undefined : { body: route };
    if (!answer) {
      return jsonResponse(404, { error: { code: 'NOT_FOUND', message: 'Resursen finns inte.', requestId: 'test' } });
    }
    return jsonResponse(answer.status ?? 200, answer.body);
  }) as typeof fetch;
  return requests;
}

export function renderWithServices(
  ui: ReactElement,
  options: { language?: Language; services?: Partial<TabServices> } = {},
) {
  const services: TabServices = {
    api: createApiClient({ getToken: async () => 'test-token' }),
    ...options.services,
  };
  return render(
    <I18nProvider language={options.language}>
      <FluentProvider theme={teamsLightTheme}>
        <ServicesProvider value={services}>{ui}</ServicesProvider>
      </FluentProvider>
    </I18nProvider>,
  );
}

export const ORGANISATIONS: OrganisationDto[] = [
  { id: 'region-vasterbotten', name: 'Region Västerbotten', kind: 'region', emailDomain: 'regionvasterbotten.se' },
  { id: 'umea', name: 'Umeå kommun', kind: 'kommun', emailDomain: 'umea.se' },
  { id: 'asele', name: 'Åsele kommun', kind: 'kommun', emailDomain: 'asele.se' },
  {
    id: 'lansstyrelsen-vasterbotten',
    name: 'Länsstyrelsen Västerbotten',
    kind: 'lansstyrelse',
    emailDomain: 'lansstyrelsen.se',
  },
];

export const KARIN: Contact = {
  id: 'b2c1c7e0-0000-4000-8000-000000000002',
  displayName: 'Karin Nordström',
  email: 'karin.nordstrom@regionvasterbotten.se',
  organisationId: 'region-vasterbotten',
  roles: ['samordnare', 'stodgrupp'],
  title: 'Samordnare samhällsbyggnad',
  phone: '090-785 00 00',
  etag: '"1"',
};

export const MARIA: Contact = {
  id: 'b2c1c7e0-0000-4000-8000-000000000001',
  displayName: 'Maria Bergström',
  email: 'maria.bergstrom@regionvasterbotten.se',
  organisationId: 'umea',
  roles: ['ordforande', 'samverkansgrupp'],
  title: 'Planchef',
  etag: '"4"',
};

export const ERIK: Contact = {
  id: 'b2c1c7e0-0000-4000-8000-000000000003',
  displayName: 'Erik Lundqvist',
  email: 'erik.lundqvist@umea.se',
  organisationId: 'umea',
  roles: ['samverkansgrupp'],
  title: 'Bygglovschef, "plan & bygg"',
  etag: '"2"',
};

export const PEOPLE: Contact[] = [KARIN, MARIA, ERIK];

export function meFor(person: Contact, organisationName: string, allowedActions: string[]): Me {
  const { etag: _etag, ...rest } = person;
  return { person: { ...rest, organisationName }, allowedActions };
}

export const COORDINATOR_ACTIONS = [
  'stodgrupp.kalla',
  'meeting.attendance',
  'decision.record',
  'protocol.approve',
  'proposal.create',
  'activity.propose',
  'budget.edit',
  'outcome.book',
  'contacts.edit',
  'workinggroup.appoint',
  'report.read',
];

/**
 * Types into a kit DateField or TimeField as a person does: the text, then leaving the field (the fields read typed
 * text when it is left, as the picker does).
 */
export function enterDateOrTime(input: HTMLElement, text: string): void {
  fireEvent.change(input, { target: { value: text } });
  fireEvent.blur(input);
}
