import { randomUUID } from 'node:crypto';
import { CHAIR, COORDINATOR } from '../../../infra/graph-emulator/tests/support';
import type { Stack } from './stack';

/** The steps of a samverkansgrupp meeting as the tab sends them, for the tests that follow "Att göra". */

/** The chair sends the kallelse for `date` (a Teams meeting, Regionens hus); answers the Möten item's id. */
export async function sendSamverkansKallelse(stack: Stack, date: string, season: string): Promise<string> {
  const sent = await stack.call('/api/meetings', {
    token: await stack.token(CHAIR),
    method: 'POST',
    body: {
      group: 'samverkansgrupp',
      season,
      date,
      startTime: '09:30',
      endTime: '12:00',
      room: 'Regionens hus',
      online: true,
      idempotencyKey: randomUUID(),
    },
  });
  if (sent.status !== 201) throw new Error(`kallelse: ${sent.status} ${await sent.text()}`);
  return ((await sent.json()) as { meeting: { id: string } }).meeting.id;
}

/** The samordnare records who was there and drafts the protokoll with its justerare. */
export async function draftProtocol(stack: Stack, meetingId: string, present: string[], adjusters: string[]) {
  const coordinator = await stack.token(COORDINATOR);
  const attendance = await stack.call(`/api/meetings/${meetingId}/attendance`, {
    token: coordinator,
    method: 'PUT',
    headers: { 'Idempotency-Key': randomUUID() },
    body: { rows: present.map((email) => ({ email, present: true })) },
  });
  if (attendance.status !== 200) throw new Error(`närvaro: ${attendance.status} ${await attendance.text()}`);
  const drafted = await stack.call(`/api/meetings/${meetingId}/protocol`, {
    token: coordinator,
    method: 'PUT',
    headers: { 'Idempotency-Key': randomUUID() },
    body: { secretaryEmail: COORDINATOR, chairEmail: CHAIR, adjusterEmails: adjusters },
  });
  if (drafted.status !== 200) throw new Error(`protokoll: ${drafted.status} ${await drafted.text()}`);
}

/** The secretary (the samordnare) and the chair approve the protokoll, as they do before the justerare (#16). */
export async function approveAsSecretaryAndChair(stack: Stack, meetingId: string) {
  for (const email of [COORDINATOR, CHAIR]) {
    const approved = await stack.call(`/api/meetings/${meetingId}/protocol/approve`, {
      token: await stack.token(email),
      method: 'POST',
      headers: { 'Idempotency-Key': randomUUID() },
    });
    if (approved.status !== 200) throw new Error(`godkänn (${email}): ${approved.status} ${await approved.text()}`);
  }
}
