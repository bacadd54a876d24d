import { randomUUID } from 'node:crypto';
import type { MeetingDraftView, MeetingRecordDto } from '../../../src/contract';
import type { Stack } from './stack';

/** The beslut point the prepared meeting's dagordning gets, with one handling. */
export const PREPARED_DECISION = { title: 'Verksamhetsplan 2027', handling: 'Förslag till verksamhetsplan.pdf' };

async function ok<T>(response: Response, what: string): Promise<T> {
  if (response.status >= 300) throw new Error(`${what}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * Samverkansgruppen's meeting as the chair prepares and calls it (#16): a draft whose dagordning gets a beslut
 * point with a handling uploaded to the site's library, then the kallelse with a Teams link from the draft.
 */
export async function sendPreparedMeeting(
  stack: Stack,
  chairToken: string,
  meeting: { season: 'var' | 'host'; date: string; room?: string },
): Promise<MeetingRecordDto> {
  const headers = { 'idempotency-key': randomUUID() };
  const year = Number(meeting.date.slice(0, 4));
  const created = await stack.call('/api/meetings/drafts', {
    token: chairToken,
    method: 'POST',
    body: { group: 'samverkansgrupp', year, season: meeting.season },
    headers,
  });
  let { draft } = await ok<{ draft: MeetingDraftView }>(created, 'draft');
  const items = draft.items.map(({ id, kind, title, text, presenterId }) => ({
    id,
    kind,
    title,
    ...(text ? { text } : {}),
    ...(presenterId ? { presenterId } : {}),
  }));
  items.splice(2, 0, { kind: 'beslut', title: PREPARED_DECISION.title } as (typeof items)[number]);
  const put = await stack.call(`/api/meetings/drafts/${draft.id}/agenda`, {
    token: chairToken,
    method: 'PUT',
    body: { items },
    headers: { 'if-match': draft.etag, 'idempotency-key': randomUUID() },
  });
  ({ draft } = await ok<{ draft: MeetingDraftView }>(put, 'agenda'));
  const point = draft.items.find((item) => item.title === PREPARED_DECISION.title)!;
  const name = encodeURIComponent(PREPARED_DECISION.handling);
  await ok(
    await fetch(`${stack.url}/api/meetings/drafts/${draft.id}/items/${point.id}/documents?name=${name}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${chairToken}`,
        'content-type': 'application/octet-stream',
        'idempotency-key': randomUUID(),
      },
      body: new Uint8Array(Buffer.from('%PDF-1.7\n% verksamhetsplan\n')),
    }),
    'upload',
  );
  const sent = await stack.call('/api/meetings', {
    token: chairToken,
    method: 'POST',
    body: {
      group: 'samverkansgrupp',
      season: meeting.season,
      date: meeting.date,
      startTime: '09:30',
      endTime: '12:00',
      room: meeting.room ?? 'Regionens hus, sal Vindeln',
      online: true,
      draftId: draft.id,
      idempotencyKey: randomUUID(),
    },
  });
  return (await ok<{ meeting: MeetingRecordDto }>(sent, 'kallelse')).meeting;
}
