import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { graphErrors } from '../src/errors';
import type { RunningTenant } from '../src/index';
import { CHAIR, control, msalFor, startTestTenant } from './support';

/** Faults after the handler: the write happens, its answer is lost (dropped, 503/504, or late). */
describe('local tenant: faults after the handler', () => {
  let tenant: RunningTenant;
  let token: string;
  const eventsPath = `/users/${CHAIR}/events`;

  beforeAll(async () => {
    tenant = await startTestTenant();
    const result = await msalFor(tenant).acquireTokenByClientCredential({
      scopes: ['https://graph.microsoft.com/.default'],
    });
    token = result!.accessToken;
  });
  afterEach(async () => {
    await control(tenant, 'DELETE', '/faults');
  });
  afterAll(async () => tenant.close());

  const post = (subject: string, signal?: AbortSignal) =>
    fetch(`${tenant.graphUrl}${eventsPath}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        subject,
        start: { dateTime: '2027-04-14T09:00:00', timeZone: 'W. Europe Standard Time' },
        end: { dateTime: '2027-04-14T10:00:00', timeZone: 'W. Europe Standard Time' },
      }),
      signal,
    });
  const count = async (subject: string) => {
    const r = await fetch(`${tenant.graphUrl}${eventsPath}?$filter=${encodeURIComponent(`subject eq '${subject}'`)}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(r.status).toBe(200);
    return ((await r.json()) as { value: unknown[] }).value.length;
  };
  const requestsSince = async (seq: number) =>
    (
      (await (await control(tenant, 'GET', `/requests?since=${seq}`)).json()) as {
        requests: { method: string; path: string; status: number; faultInjected: boolean; answerLost: boolean }[];
      }
    ).requests;
  const lastSeq = async () =>
    ((await (await control(tenant, 'GET', '/requests')).json()) as { lastSeq: number }).lastSeq;

  it('drops the answer of a write that happened: the client sees a broken connection, the event exists', async () => {
    const added = await control(tenant, 'POST', '/faults', {
      when: 'after',
      drop: true,
      path: '^/v1\\.0/users/[^/]+/events$',
      method: 'POST',
      count: 1,
    });
    expect(added.status).toBe(201);
    const seq = await lastSeq();
    await expect(post('Tappat svar')).rejects.toThrow();
    expect(await count('Tappat svar')).toBe(1);
    const log = (await requestsSince(seq)).filter((r) => r.method === 'POST');
    expect(log).toEqual([expect.objectContaining({ status: 201, faultInjected: true, answerLost: true })]);
    // Counted: the next POST answers normally.
    expect((await post('Tappat svar')).status).toBe(201);
    expect(await count('Tappat svar')).toBe(2);
  });

  it.each([503, 504])('answers %i in Graph error format after the write happened', async (status) => {
    await control(tenant, 'POST', '/faults', { when: 'after', status, method: 'POST', path: 'events$', count: 1 });
    const subject = `Svar ${status} efter skrivning`;
    const answer = await post(subject);
    expect(answer.status).toBe(status);
    expect(answer.headers.get('etag')).toBeNull();
    expect(answer.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const body = (await answer.json()) as { error: { code: string; innerError: { 'request-id': string } } };
    expect(body.error.code).toBe(
      (status === 503 ? graphErrors.serviceUnavailable() : graphErrors.gatewayTimeout()).code,
    );
    expect(body.error.innerError['request-id']).toBe(answer.headers.get('request-id'));
    expect(await count(subject)).toBe(1);
  });

  it('holds the answer back past a shorter client timeout while the write is already done', async () => {
    await control(tenant, 'POST', '/faults', { when: 'after', delayMs: 600, method: 'POST', path: 'events$' });
    const started = Date.now();
    await expect(post('Sent svar', AbortSignal.timeout(150))).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(600);
    expect(await count('Sent svar')).toBe(1);
  });

  it('applies a probability, and leaves reads and other methods alone', async () => {
    await control(tenant, 'POST', '/faults', {
      when: 'after',
      status: 503,
      method: 'POST',
      path: 'events$',
      probability: 0,
    });
    expect((await post('Aldrig fel')).status).toBe(201);
    await control(tenant, 'POST', '/faults', {
      when: 'after',
      status: 503,
      method: 'POST',
      path: 'events$',
      probability: 1,
    });
    expect(await count('Aldrig fel')).toBe(1);
    expect((await post('Alltid fel')).status).toBe(503);
    expect(await count('Alltid fel')).toBe(1);
  });

  it('refuses faults that mix the phases', async () => {
    for (const bad of [
      { when: 'after', status: 429 },
      { when: 'after' },
      { when: 'after', drop: true, status: 503 },
      { drop: true },
      { when: 'before' },
    ]) {
      const answer = await control(tenant, 'POST', '/faults', bad);
      expect(answer.status).toBe(400);
    }
    expect(((await (await control(tenant, 'GET', '/faults')).json()) as { faults: unknown[] }).faults).toHaveLength(0);
  });
});
