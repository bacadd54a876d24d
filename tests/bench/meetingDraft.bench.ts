import { randomUUID } from 'node:crypto';
import { CHAIR } from '../../infra/graph-emulator/tests/support';
import type { MeetingDraftView } from '../../src/contract';
import { candidateDays, seasonWindow, toIsoDate, type Season } from '../../src/domain';
import { requestLogSeq, requestsSince, startStack, type Stack } from '../integration/support/stack';
import { figure, timed, type Figure } from './stats';

const KB = 1024;
/** Four papers as a samverkansgrupp meeting has them, and one large enough for an upload session. */
const HANDLINGAR = [300 * KB, 300 * KB, 300 * KB, 300 * KB, 5 * KB * KB];

function bytes(n: number, seed: number): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = (i * 31 + seed) & 0xff;
  return b;
}

async function ok<T>(response: Response, what: string): Promise<T> {
  if (!response.ok) throw new Error(`${what}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The Graph round trips (batch inner requests not counted) and the time of one step. */
async function step<T>(stack: Stack, run: () => Promise<T>): Promise<{ ms: number; trips: number; value: T }> {
  const before = await requestLogSeq(stack.tenant);
  const { ms, value } = await timed(run);
  const log = await requestsSince(stack.tenant, before);
  return { ms, value, trips: log.filter((r) => !r.batchInner && r.path.startsWith('/v1.0/')).length };
}

/**
 * Preparing and calling a samverkansgrupp meeting from a draft with 5 handlingar (issue #16): create the
 * draft, upload the papers (one over 4 MB, so through an upload session), send the kallelse from the draft.
 * One sample per season, since the samverkansgrupp is called once a season.
 */
export async function run(): Promise<Figure[]> {
  const stack = await startStack();
  try {
    await stack.prepare();
    const chair = await stack.token(CHAIR);
    const firstYear = Number(toIsoDate(new Date()).slice(0, 4)) + 1;
    const seasons: { year: number; season: Season }[] = [0, 1, 2].flatMap((offset) => [
      { year: firstYear + offset, season: 'var' as const },
      { year: firstYear + offset, season: 'host' as const },
    ]);
    const samples = { create: [] as number[], upload: [] as number[], send: [] as number[], all: [] as number[] };
    const trips = { create: 0, upload: 0, send: 0 };
    for (const { year, season } of seasons) {
      const created = await step(stack, async () => {
        const response = await stack.call('/api/meetings/drafts', {
          token: chair,
          method: 'POST',
          body: { group: 'samverkansgrupp', year, season },
          headers: { 'idempotency-key': randomUUID() },
        });
        return (await ok<{ draft: MeetingDraftView }>(response, 'draft')).draft;
      });
      const item = created.value.items[0]!;
      const uploaded = await step(stack, async () => {
        for (const [i, size] of HANDLINGAR.entries()) {
          const url = `${stack.url}/api/meetings/drafts/${created.value.id}/items/${item.id}/documents?name=${encodeURIComponent(`Handling ${i + 1}.pdf`)}`;
          await ok(
            await fetch(url, {
              method: 'POST',
              headers: {
                authorization: `Bearer ${chair}`,
                'content-type': 'application/octet-stream',
                'idempotency-key': randomUUID(),
              },
              body: new Uint8Array(bytes(size, i)),
            }),
            'upload',
          );
        }
      });
      const day = candidateDays(seasonWindow(year, season))[2]!;
      const sent = await step(stack, async () =>
        ok(
          await stack.call('/api/meetings', {
            token: chair,
            method: 'POST',
            body: {
              group: 'samverkansgrupp',
              season,
              date: day,
              startTime: '09:30',
              endTime: '12:00',
              room: 'Regionens hus',
              online: true,
              draftId: created.value.id,
              idempotencyKey: randomUUID(),
            },
          }),
          'send',
        ),
      );
      samples.create.push(created.ms);
      samples.upload.push(uploaded.ms);
      samples.send.push(sent.ms);
      samples.all.push(created.ms + uploaded.ms + sent.ms);
      trips.create += created.trips;
      trips.upload += uploaded.trips;
      trips.send += sent.trips;
    }
    const per = (n: number) => Math.round((n / seasons.length) * 100) / 100;
    return [
      figure('meetings: create draft (proposed dagordning)', samples.create, per(trips.create)),
      figure('meetings: upload 5 handlingar (4 × 300 kB, 1 × 5 MB)', samples.upload, per(trips.upload)),
      figure('meetings: send kallelse from the draft', samples.send, per(trips.send)),
      figure(
        'meetings: prepare and send with 5 handlingar',
        samples.all,
        per(trips.create + trips.upload + trips.send),
      ),
    ];
  } finally {
    await stack.close();
  }
}
