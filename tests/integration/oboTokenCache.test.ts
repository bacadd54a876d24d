import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { MeetingDraftView } from '../../src/contract';
import { toIsoDate } from '../../src/domain';
import { CHAIR } from '../../infra/graph-emulator/tests/support';
import { requestLogSeq, requestsSince, startStack, type Stack } from './support/stack';

jest.setTimeout(120_000);

const year = Number(toIsoDate(new Date()).slice(0, 4)) + 1;

describe('one token exchange per signed-in user, not one per Graph call', () => {
  let stack: Stack;
  let chair: string;
  beforeAll(async () => {
    stack = await startStack();
    await stack.prepare();
    chair = await stack.token(CHAIR);
  });
  afterAll(async () => stack?.close());

  it('uploads a handling as the chair (five Graph calls) with no exchange after the first request', async () => {
    const created = await stack.call('/api/meetings/drafts', {
      token: chair,
      method: 'POST',
      body: { group: 'samverkansgrupp', year, season: 'var' },
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(created.status).toBe(201);
    const { draft } = (await created.json()) as { draft: MeetingDraftView };

    const before = await requestLogSeq(stack.tenant);
    const upload = await fetch(
      `${stack.url}/api/meetings/drafts/${draft.id}/items/${draft.items[0]!.id}/documents?name=Underlag.pdf`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${chair}`,
          'content-type': 'application/octet-stream',
          'idempotency-key': randomUUID(),
        },
        body: new Uint8Array(Buffer.alloc(300 * 1024, 7)),
      },
    );
    expect(upload.status).toBe(201);
    const log = await requestsSince(stack.tenant, before);
    const graphCalls = log.filter((r) => !r.batchInner && r.path.startsWith('/v1.0/'));
    const exchanges = log.filter((r) => r.path.includes('/oauth2/v2.0/token'));
    expect(graphCalls.length).toBeGreaterThanOrEqual(3);
    expect(exchanges).toEqual([]);
  });
});
