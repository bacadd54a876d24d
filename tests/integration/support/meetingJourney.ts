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

/**
 * A held samverkansgrupp meeting (spring 2026, written to Möten as the app does) with one decision of kind
 * delegering recorded by the samordnare, the start of an uppdrag (#17); answers the decision's id.
 */
export async function delegationDecision(stack: Stack, coordinatorToken: string, text: string): Promise<string> {
  const app = stack.server.services.graph.forApp();
  const meetings = await stack.server.services.site.list(app, 'meetings');
  const meeting = await app.createItem(meetings.siteId, meetings.listId, {
    Title: 'Samverkansgruppen vår',
    MeetingGroup: 'samverkansgrupp',
    StartDateTime: '2026-04-22T07:00:00Z',
    EndDateTime: '2026-04-22T10:00:00Z',
    Status: 'planerat',
  });
  const recorded = await stack.call('/api/decisions', {
    token: coordinatorToken,
    method: 'POST',
    body: { meetingId: meeting.id, kind: 'delegering', text },
    headers: { 'idempotency-key': randomUUID() },
  });
  if (recorded.status !== 201) throw new Error(`beslut: ${recorded.status} ${await recorded.text()}`);
  return ((await recorded.json()) as { decision: { id: string } }).decision.id;
}
