import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { RunningTenant } from '../src/index';
import { SEED_GENERAL_CHANNEL_ID } from '../src/resources/teams';
import { control, startTestTenant } from './support';

/** The connector's fault control: the same `/_emulator/faults` as Graph's, matched on `/v3/…`. */

const BOT = { id: '28:8a1f4d2e-6b3c-4e9a-b7d1-2c4e6f8a0b13', name: 'Samverkan', role: 'bot' };
const ACTIVITIES = `/v3/conversations/${encodeURIComponent(SEED_GENERAL_CHANNEL_ID)}/activities`;

describe('local tenant: faults on the Bot Framework connector', () => {
  let tenant: RunningTenant;
  beforeAll(async () => {
    tenant = await startTestTenant();
  });
  afterEach(async () => {
    await control(tenant, 'DELETE', '/faults');
  });
  afterAll(async () => tenant.close());

  const post = (text: string) =>
    fetch(`${tenant.url}${ACTIVITIES}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', from: BOT, text }),
    });
  const posted = async (text: string) => {
    const response = await control(
      tenant,
      'GET',
      `/conversations/${encodeURIComponent(SEED_GENERAL_CHANNEL_ID)}/activities`,
    );
    const { activities } = (await response.json()) as { activities: { text?: string }[] };
    return activities.filter((a) => a.text?.includes(text)).length;
  };
  const fault = async (body: unknown) => expect((await control(tenant, 'POST', '/faults', body)).status).toBe(201);

  it('after the handler, dropped: the activity is posted and the bot gets no answer', async () => {
    const text = `Tappat ${randomUUID()}`;
    await fault({ when: 'after', drop: true, method: 'POST', path: '^/v3/conversations/', count: 1 });
    await expect(post(text)).rejects.toThrow();
    expect(await posted(text)).toBe(1);
    // Counted: the next post is answered.
    expect((await post(`${text} igen`)).status).toBe(201);
  });

  it("after the handler, 503 or 504: posted, answered in Bot Framework's error shape", async () => {
    for (const status of [503, 504] as const) {
      const text = `Svar ${status} ${randomUUID()}`;
      await fault({ when: 'after', status, method: 'POST', path: '^/v3/', count: 1 });
      const answer = await post(text);
      expect(answer.status).toBe(status);
      const body = (await answer.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBeTruthy();
      expect(JSON.stringify(body)).not.toContain('"id"');
      expect(await posted(text)).toBe(1);
    }
  });

  it('after the handler, delayed: posted at once, answered after delayMs (a shorter client timeout gives up)', async () => {
    const text = `Sent ${randomUUID()}`;
    await fault({ when: 'after', delayMs: 1500, method: 'POST', path: '^/v3/', count: 1 });
    await expect(fetchWithTimeout(`${tenant.url}${ACTIVITIES}`, text, 300)).rejects.toThrow();
    expect(await posted(text)).toBe(1);
  });

  it('before the handler: nothing posted, 429 with Retry-After', async () => {
    const text = `Strypt ${randomUUID()}`;
    await fault({ status: 429, retryAfter: 2, method: 'POST', path: '^/v3/', count: 1 });
    const answer = await post(text);
    expect(answer.status).toBe(429);
    expect(answer.headers.get('retry-after')).toBe('2');
    expect(await posted(text)).toBe(0);
  });

  it("Graph's default path (^/v1.0/) and a probability of 0 never touch the connector", async () => {
    const text = `Orörd ${randomUUID()}`;
    await fault({ when: 'after', drop: true });
    await fault({ when: 'after', drop: true, path: '^/v3/', probability: 0 });
    expect((await post(text)).status).toBe(201);
    expect(await posted(text)).toBe(1);
  });
});

function fetchWithTimeout(url: string, text: string, ms: number): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'message', from: BOT, text }),
    signal: AbortSignal.timeout(ms),
  });
}
