import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { createApiClient, type ApiClient } from '../../src/tab/api';
import { activitiesApi } from '../../src/tab/activities/api';
import { planApi } from '../../src/tab/activities/planApi';
import { budgetApi } from '../../src/tab/budget/api';
import { contactChangesApi } from '../../src/tab/contacts/api';
import { decisionsApi } from '../../src/tab/decisions/api';
import { meetingsApi } from '../../src/tab/meetings/api';
import { meetingPanelApi } from '../../src/tab/meeting/api';
import { meetingDraftsApi } from '../../src/tab/meetings/draft/api';
import { workingGroupsApi } from '../../src/tab/workingGroups/api';
import { jsonResponse } from './support';

/**
 * Every write the tab's feature clients can send carries an Idempotency-Key (issue #15): each client's every
 * function is called, and each request with a write method must have one. The writes the issue names are
 * among them, so that a client that bypassed the key for one of them fails here.
 */
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const NAMED_WRITES = [
  'POST /api/meetings',
  'POST /api/meetings/1/cancel',
  'POST /api/meetings/1/reschedule',
  'PUT /api/meetings/1/protocol',
  'POST /api/meetings/1/protocol/approve',
  'POST /api/meetings/polls/1/votes',
  'POST /api/budget/outcomes',
  'POST /api/budget/lines',
  'POST /api/decisions',
  'POST /api/activities',
  'POST /api/activities/1/decision',
  'POST /api/working-groups',
  'POST /api/working-groups/1/members',
  'DELETE /api/working-groups/1/members/1',
  'POST /api/working-groups/1/end',
  'POST /api/meetings/drafts',
  'PUT /api/meetings/drafts/1/agenda',
  'POST /api/meetings/drafts/1/items/1/documents',
  'DELETE /api/meetings/drafts/1/items/1/documents/1',
];

describe('tab: every write of the feature clients carries an Idempotency-Key', () => {
  const sent: { route: string; key: string | null }[] = [];
  const realFetch = globalThis.fetch;
  const realXhr = globalThis.XMLHttpRequest;

  beforeEach(() => {
    sessionStorage.clear();
    sent.length = 0;
    globalThis.fetch = jest.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
      const path = new URL(String(url), 'https://tab.example').pathname;
      const key = new Headers(init?.headers).get('idempotency-key');
      sent.push({ route: `${(init?.method ?? 'GET').toUpperCase()} ${path}`, key });
      return jsonResponse(200, {});
    }) as typeof fetch;
    // The handlingar go by XMLHttpRequest (its upload progress): recorded the same way.
    globalThis.XMLHttpRequest = class {
      upload = {};
      status = 200;
      responseText = '{}';
      onload?: () => void;
      private route = '';
      private headers = new Headers();
      open(method: string, url: string) {
        this.route = `${method.toUpperCase()} ${new URL(url, 'https://tab.example').pathname}`;
      }
      setRequestHeader(name: string, value: string) {
        this.headers.set(name, value);
      }
      send() {
        sent.push({ route: this.route, key: this.headers.get('idempotency-key') });
        setTimeout(() => this.onload?.());
      }
    } as unknown as typeof XMLHttpRequest;
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
    globalThis.XMLHttpRequest = realXhr;
  });

  it('calls every function of every client: each write has a key of the allowed form', async () => {
    const api: ApiClient = createApiClient({ getToken: async () => 'token' });
    const clients = [
      activitiesApi(api),
      planApi(api),
      budgetApi(api),
      contactChangesApi(api),
      decisionsApi(api),
      meetingsApi(api),
      meetingPanelApi(api),
      meetingDraftsApi(api),
      workingGroupsApi(api),
    ];
    // One stand-in for every argument: an id ("1" as a string), and an activity, decision, plan or line.
    const arg = Object.assign(Object('1') as object, { id: '1', etag: '"1"', year: 1 });
    for (const client of clients) {
      for (const fn of Object.values(client) as ((...args: unknown[]) => unknown)[]) {
        await Promise.resolve()
          .then(() => fn(arg, arg, arg))
          .catch(() => undefined);
      }
    }
    const writes = sent.filter((s) => WRITE_METHODS.has(s.route.split(' ')[0]!));
    expect(writes.filter((w) => !w.key)).toEqual([]);
    for (const write of writes) expect(write.key).toMatch(/^[A-Za-z0-9_-]{8,128}$/);
    const routes = new Set(writes.map((w) => w.route));
    expect(NAMED_WRITES.filter((route) => !routes.has(route))).toEqual([]);
  });
});
