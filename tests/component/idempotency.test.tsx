import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { z } from 'zod';
import { createApiClient } from '../../src/tab/api';
import { jsonResponse } from './support';

/** The tab's api client: every write carries an Idempotency-Key, kept across a reload until the answer is seen. */
describe('tab api client: Idempotency-Key', () => {
  const sent: { method: string; key: string | null }[] = [];
  let answer: () => Promise<Response>;
  const realFetch = globalThis.fetch;

  beforeEach(() => {
    sessionStorage.clear();
    sent.length = 0;
    answer = async () => jsonResponse(201, { ok: true });
    globalThis.fetch = jest.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
      const headers = new Headers(init?.headers);
      sent.push({ method: init?.method ?? 'GET', key: headers.get('idempotency-key') });
      return answer();
    }) as typeof fetch;
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  // A fresh client is what a reload of the tab makes; sessionStorage is what survives it.
  const client = () => createApiClient({ getToken: async () => 'token' });
  const book = (text: string) =>
    client().request('/api/budget/outcomes', z.object({ ok: z.boolean() }), {
      method: 'POST',
      body: { budgetLineId: '1', date: '2026-03-01', amountOre: 100, text },
    });

  it('sends the same key again after a lost answer and a reload, and a new key once the answer was seen', async () => {
    answer = async () => {
      throw new TypeError('network');
    };
    await expect(book('Fika')).rejects.toMatchObject({ code: 'NETWORK' });
    answer = async () => jsonResponse(503, { error: { code: 'INTERNAL', message: 'x' } });
    await expect(book('Fika')).rejects.toMatchObject({ status: 503 });
    answer = async () => jsonResponse(201, { ok: true });
    await expect(book('Fika')).resolves.toEqual({ ok: true });
    await expect(book('Fika')).resolves.toEqual({ ok: true });
    const keys = sent.map((s) => s.key);
    expect(keys[0]).toMatch(/^[A-Za-z0-9_-]{8,128}$/);
    expect(keys.slice(0, 3)).toEqual([keys[0], keys[0], keys[0]]);
    expect(keys[3]).not.toBe(keys[0]);
  });

  it('gives another form its own key, ends the action on a 4xx, and sends no key on reads', async () => {
    await book('Fika');
    await book('Lokalhyra');
    expect(sent[0]!.key).not.toBe(sent[1]!.key);
    answer = async () => jsonResponse(400, { error: { code: 'VALIDATION', message: 'x' } });
    await expect(book('Noll')).rejects.toMatchObject({ status: 400 });
    answer = async () => jsonResponse(201, { ok: true });
    await book('Noll');
    expect(sent[3]!.key).not.toBe(sent[2]!.key);
    await client().request('/api/budget', z.object({ ok: z.boolean() }));
    expect(sent[4]).toEqual({ method: 'GET', key: null });
  });
});
