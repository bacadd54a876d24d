import { randomUUID } from 'node:crypto';
import { CHAIR, COORDINATOR, MEMBER_GUEST } from '../../infra/graph-emulator/tests/support';
import { candidateDays, seasonWindow, toIsoDate, type Season } from '../../src/domain';
import { requestLogSeq, requestsSince, startStack, type Stack } from '../integration/support/stack';
import { figure, timed, type Figure } from './stats';

const ADJUSTERS = [MEMBER_GUEST, 'anna.sjoberg@skelleftea.se'];

async function ok<T>(response: Response, what: string): Promise<T> {
  if (!response.ok) throw new Error(`${what}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** A held samverkansgrupp meeting with a justerat protokoll, waiting for the samordnare to archive it. */
async function signedMeeting(stack: Stack, tokens: Map<string, string>, year: number, season: Season) {
  const call = (who: string, path: string, method: string, body?: unknown) =>
    stack.call(path, { token: tokens.get(who)!, method, body, headers: { 'idempotency-key': randomUUID() } });
  const day = candidateDays(seasonWindow(year, season))[10]!;
  const { meeting } = await ok<{ meeting: { id: string } }>(
    await call(CHAIR, '/api/meetings', 'POST', {
      group: 'samverkansgrupp',
      season,
      date: day,
      startTime: '09:30',
      endTime: '12:00',
      room: 'Regionens hus',
      online: true,
      idempotencyKey: randomUUID(),
    }),
    'send',
  );
  const rows = [CHAIR, COORDINATOR, ...ADJUSTERS].map((email) => ({ email, present: true }));
  await ok(await call(COORDINATOR, `/api/meetings/${meeting.id}/attendance`, 'PUT', { rows }), 'närvaro');
  await ok(
    await call(COORDINATOR, `/api/meetings/${meeting.id}/decisions`, 'POST', {
      kind: 'budget',
      text: 'Budgeten fastställs enligt förslaget.',
      ownerEmail: COORDINATOR,
    }),
    'beslut',
  );
  await ok(
    await call(COORDINATOR, `/api/meetings/${meeting.id}/protocol`, 'PUT', {
      secretaryEmail: COORDINATOR,
      chairEmail: CHAIR,
      adjusterEmails: ADJUSTERS,
    }),
    'protokoll',
  );
  // In order (#16): the secretary, the chair, then the two justerare.
  for (const approver of [COORDINATOR, CHAIR, ...ADJUSTERS]) {
    await ok(await call(approver, `/api/meetings/${meeting.id}/protocol/approve`, 'POST'), 'justering');
  }
  return meeting.id;
}

/**
 * Filing the archive package of a justerat protokoll (issue #16): the samordnare's "Arkivera mötet" as one
 * request, with its Graph round trips (batch inner requests not counted: the readers' lookups are one $batch).
 * One sample per past season, since the samverkansgrupp meets once a season.
 */
export async function run(): Promise<Figure[]> {
  const stack = await startStack();
  try {
    await stack.prepare();
    const tokens = new Map<string, string>();
    for (const who of [CHAIR, COORDINATOR, ...ADJUSTERS]) tokens.set(who, await stack.token(who));
    const thisYear = Number(toIsoDate(new Date()).slice(0, 4));
    const seasons = [1, 2, 3].flatMap((back) => [
      { year: thisYear - back, season: 'var' as const },
      { year: thisYear - back, season: 'host' as const },
    ]);
    const samples: number[] = [];
    let trips = 0;
    for (const { year, season } of seasons) {
      const id = await signedMeeting(stack, tokens, year, season);
      const before = await requestLogSeq(stack.tenant);
      const { ms } = await timed(async () =>
        ok(
          await stack.call(`/api/meetings/${id}/archive`, {
            token: tokens.get(COORDINATOR)!,
            method: 'POST',
            headers: { 'idempotency-key': randomUUID() },
          }),
          'arkivera',
        ),
      );
      const log = await requestsSince(stack.tenant, before);
      trips += log.filter((r) => !r.batchInner && r.path.startsWith('/v1.0/')).length;
      samples.push(ms);
    }
    return [
      figure('meetings: file the archive (samordnare)', samples, Math.round((trips / samples.length) * 100) / 100),
    ];
  } finally {
    await stack.close();
  }
}
