import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { SEED_PEOPLE } from '../../infra/graph-emulator/src/seed/people';
import { CHAIR, COORDINATOR, MEMBER_GUEST } from '../../infra/graph-emulator/tests/support';
import { candidateDays, seasonWindow, threadIdFromJoinUrl, toIsoDate } from '../../src/domain';
import { control, startStack, type Stack } from './support/stack';

jest.setTimeout(180_000);

/**
 * The tab inside the Teams meeting (#16) against the local tenant: a meeting chat's thread finds its register
 * meeting with the dagordning as sent; Teams' attendance report is read as the organiser and matched to närvaro.
 */

interface Meeting {
  id: string;
  joinUrl?: string;
  date: string;
}

const STODGRUPP_MEMBER = SEED_PEOPLE.find((p) => p.xRoles.includes('stodgrupp') && p.mail !== COORDINATOR)!;

describe('the meeting in Teams: register meeting by chat thread, attendance report', () => {
  let stack: Stack;
  let chair: string;
  let coordinator: string;
  const year = Number(toIsoDate(new Date()).slice(0, 4)) + 1;
  const days = candidateDays(seasonWindow(year, 'var'));

  const send = async (token: string, body: object) => {
    const response = await stack.call('/api/meetings', {
      token,
      method: 'POST',
      body: { startTime: '09:30', endTime: '12:00', online: true, idempotencyKey: randomUUID(), ...body },
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { meeting: Meeting }).meeting;
  };
  const inTeams = (token: string, chatId: string) =>
    stack.call(`/api/meetings/in-teams?chatId=${encodeURIComponent(chatId)}`, { token });

  beforeAll(async () => {
    stack = await startStack();
    await stack.prepare();
    chair = await stack.token(CHAIR);
    coordinator = await stack.token(COORDINATOR);
  });
  afterAll(async () => stack.close());

  it("finds the samverkansgrupp meeting by its chat thread, with the dagordning; the report is the organiser's", async () => {
    const meeting = await send(chair, { group: 'samverkansgrupp', season: 'var', date: days[5], room: 'Sal Vindeln' });
    const chatId = threadIdFromJoinUrl(meeting.joinUrl)!;
    expect(chatId).toMatch(/^19:meeting_.+@thread\.v2$/);
    const found = await inTeams(await stack.token(MEMBER_GUEST), chatId);
    expect(found.status).toBe(200);
    const view = (await found.json()) as {
      meeting: Meeting;
      agenda: { number: number; title: string }[];
      organiser: { displayName: string };
    };
    expect(view.meeting.id).toBe(meeting.id);
    expect(view.organiser.displayName).toBe('Maria Bergström');
    expect(view.agenda[0]).toMatchObject({ number: 1 });
    expect(view.agenda.map((p) => p.title)).toContain('Val av två justerare');

    const unknown = await inTeams(coordinator, '19:meeting_okand@thread.v2');
    expect(unknown.status).toBe(404);
    expect(JSON.stringify(await unknown.json())).toContain('Teamsmötet finns inte i mötesregistret.');
    const invalid = await inTeams(coordinator, 'inte-en-chatt');
    expect(invalid.status).toBe(400);

    // The samordnare records närvaro, but Graph shows the report to the organiser (the chair) only.
    const report = await stack.call(`/api/meetings/${meeting.id}/attendance-report`, { token: coordinator });
    expect(report.status).toBe(422);
    expect(JSON.stringify(await report.json())).toContain(
      'Teams visar närvarorapporten bara för mötets organisatör (Maria Bergström). Markera närvaron för hand.',
    );
    expect((await stack.call(`/api/meetings/${meeting.id}/attendance-report`, { token: chair })).status).toBe(403);
  });

  it("reads the stödgrupp meeting's report as its organiser, the samordnare, once the meeting has ended", async () => {
    const meeting = await send(coordinator, { group: 'stodgrupp', date: days[7] });
    const path = `/api/meetings/${meeting.id}/attendance-report`;
    const before = (await (await stack.call(path, { token: coordinator })).json()) as { report: { found: boolean } };
    expect(before.report).toEqual({ found: false, present: [], others: [] });

    const presence = (what: string, user: string, at: string) =>
      control(stack.tenant, 'POST', `/online-meetings/${what}`, { joinWebUrl: meeting.joinUrl, user, at });
    await presence('join', COORDINATOR, `${meeting.date}T08:30:00Z`);
    await presence('join', STODGRUPP_MEMBER.mail, `${meeting.date}T08:40:00Z`);
    await presence('leave', STODGRUPP_MEMBER.mail, `${meeting.date}T09:40:00Z`);
    await presence('leave', COORDINATOR, `${meeting.date}T11:00:00Z`);

    const response = await stack.call(path, { token: coordinator });
    expect(response.status).toBe(200);
    const { report } = (await response.json()) as {
      report: { found: boolean; present: { email: string; minutes: number }[]; others: string[] };
    };
    expect(report.found).toBe(true);
    expect(report.present).toContainEqual(
      expect.objectContaining({ email: STODGRUPP_MEMBER.mail.toLowerCase(), minutes: 60 }),
    );
    // Nothing is written: närvaro is the secretary's to save.
    const attendance = (await (
      await stack.call(`/api/meetings/${meeting.id}/attendance`, { token: coordinator })
    ).json()) as {
      attendance: { recorded: boolean }[];
    };
    expect(attendance.attendance.every((row) => !row.recorded)).toBe(true);
  });
});
