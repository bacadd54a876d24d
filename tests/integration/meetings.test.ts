import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Event } from '@microsoft/microsoft-graph-types';
import { CHAIR, COORDINATOR, MEMBER_GUEST, adminClient, userClient } from '../../infra/graph-emulator/tests/support';
import { SEED_PEOPLE } from '../../infra/graph-emulator/src/seed/people';
import { candidateDays, seasonWindow, toIsoDate } from '../../src/domain';
import { control, requestLogSeq, requestsSince, startStack, type Stack } from './support/stack';

jest.setTimeout(120_000);

const STODGRUPP_MEMBER = 'anna.sjoberg@skelleftea.se';

interface OutboxMessage {
  type: 'invitation' | 'update' | 'cancellation';
  to: string;
  iCalUId: string;
  start?: string;
  comment?: string;
}

interface MeetingView {
  id: string;
  etag: string;
  eventId: string;
  status: string;
  startUtc: string;
  date: string;
  startTime: string;
  joinUrl?: string;
}

interface AnswersView {
  totals: { invited: number; accepted: number; declined: number; tentative: number; noAnswer: number };
  organisations: { organisationId: string; invited: number; accepted: number; declined: number; noAnswer: number }[];
  people: { email: string; answer: string }[];
  warnings: { organisationId: string; code: string }[];
  notAnswered: { email: string }[];
}

/** The samverkansgrupp as Kontakter knows it: the roles the kallelse goes to. */
const samverkansgruppen = SEED_PEOPLE.filter((p) =>
  p.xRoles.some((role) => ['ordforande', 'samverkansgrupp', 'samordnare'].includes(role)),
);
const externalMembers = samverkansgruppen.filter((p) => !p.xHasMailbox).map((p) => p.mail.toLowerCase());

const today = toIsoDate(new Date());
const thisYear = Number(today.slice(0, 4));
const springYear = today.slice(5, 7) > '04' ? thisYear + 1 : thisYear;
const springDays = candidateDays(seasonWindow(springYear, 'var'));
/** A held autumn meeting, for närvaro, beslut and justering (those come after the meeting). */
const pastAutumnYear = today.slice(5, 7) >= '11' ? thisYear : thisYear - 1;
const pastAutumnDay = candidateDays(seasonWindow(pastAutumnYear, 'host'))[12] as string;

async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

describe('meetings against the local tenant', () => {
  let stack: Stack;
  let chair: string;
  let coordinator: string;
  let member: string;
  let stodgruppMember: string;

  async function outbox(iCalUId: string): Promise<OutboxMessage[]> {
    const response = await control(stack.tenant, 'GET', `/outbox?iCalUId=${encodeURIComponent(iCalUId)}`);
    return (await json<{ value: OutboxMessage[] }>(response)).value;
  }

  async function organizerEvent(eventId: string): Promise<Event> {
    const app = await adminClient(stack.tenant);
    return (await app.api(`/users/${CHAIR}/events/${eventId}`).get()) as Event;
  }

  async function copyOf(user: string, iCalUId: string): Promise<Event | undefined> {
    const app = await adminClient(stack.tenant);
    const events = (await app.api(`/users/${user}/events`).filter(`iCalUId eq '${iCalUId}'`).get()) as {
      value: Event[];
    };
    return events.value[0];
  }

  function sendBody(date: string, overrides: Record<string, unknown> = {}) {
    return {
      group: 'samverkansgrupp',
      season: 'var',
      date,
      startTime: '09:30',
      endTime: '12:00',
      room: 'Regionens hus, sal Vindeln',
      online: true,
      documents: [{ title: 'Ekonomisk lägesrapport', url: 'https://example.org/lagesrapport.pdf' }],
      idempotencyKey: randomUUID(),
      ...overrides,
    };
  }

  beforeAll(async () => {
    stack = await startStack();
    await stack.prepare();
    const tokens = await Promise.all(
      [CHAIR, COORDINATOR, MEMBER_GUEST, STODGRUPP_MEMBER].map((user) => stack.token(user)),
    );
    [chair, coordinator, member, stodgruppMember] = tokens as [string, string, string, string];
  });
  afterAll(async () => stack.close());

  it('the chair plans the spring meeting: working-day candidates, guests shown as unknown, a poll advised', async () => {
    const response = await stack.call('/api/meetings/plan', {
      token: chair,
      method: 'POST',
      body: { group: 'samverkansgrupp', year: springYear, season: 'var', durationMinutes: 150 },
    });
    expect(response.status).toBe(200);
    const plan = await json<{
      window: { start: string; end: string };
      attendees: number;
      candidates: {
        date: string;
        startTime: string;
        organisations: { organisationId: string; unknown: string[]; free: string[]; busy: string[] }[];
      }[];
      unknownAvailability: { people: number; label: string };
      pollAdvised: boolean;
    }>(response);
    expect(plan.window).toEqual(seasonWindow(springYear, 'var'));
    expect(plan.attendees).toBe(samverkansgruppen.length - 1);
    expect(plan.candidates.length).toBeGreaterThan(0);
    for (const candidate of plan.candidates) {
      expect(springDays).toContain(candidate.date);
      expect(candidate.startTime >= '09:00').toBe(true);
      const umea = candidate.organisations.find((o) => o.organisationId === 'umea');
      expect(umea?.unknown).toContain('Erik Lundqvist');
      const region = candidate.organisations.find((o) => o.organisationId === 'region-vasterbotten');
      expect([...(region?.free ?? []), ...(region?.busy ?? [])]).toContain('Karin Nordström');
    }
    expect(new Set(plan.candidates.map((c) => c.date)).size).toBe(plan.candidates.length);
    expect(plan.unknownAvailability.people).toBe(externalMembers.length);
    expect(plan.unknownAvailability.label).toBe('okänd tillgänglighet (annan organisation)');
    expect(plan.pollAdvised).toBe(true);
  });

  it('outside the season window only with a reason, which is recorded', async () => {
    const outside = `${springYear}-06-10`;
    const refused = await stack.call('/api/meetings', { token: chair, method: 'POST', body: sendBody(outside) });
    expect(refused.status).toBe(422);
    expect((await json<{ error: { message: string } }>(refused)).error.message).toMatch(/motivering/i);
    const reason = 'Plan- och bygglagen ändras den 1 juni; mötet behöver ta ställning efter det.';
    const accepted = await stack.call('/api/meetings', {
      token: chair,
      method: 'POST',
      body: sendBody(outside, { outsideWindowReason: reason, online: false }),
    });
    expect(accepted.status).toBe(201);
    const recorded = (
      await json<{ meeting: MeetingView & { outsideWindowReason?: string; isOnline: boolean } }>(accepted)
    ).meeting;
    expect(recorded.outsideWindowReason).toBe(reason);
    expect(recorded.isOnline).toBe(false);
    const event = await organizerEvent(recorded.eventId);
    expect(event.isOnlineMeeting).toBe(false);
    expect(event.body?.content).toContain(reason);
    const cancel = await stack.call(`/api/meetings/${recorded.id}/cancel`, {
      token: chair,
      method: 'POST',
      body: { comment: 'Provkallelse.' },
    });
    expect(cancel.status).toBe(200);
  });

  it('a member and the coordinator cannot send the samverkansgrupp kallelse; the member cannot plan it', async () => {
    for (const token of [member, coordinator]) {
      const send = await stack.call('/api/meetings', {
        token,
        method: 'POST',
        body: sendBody(springDays[5] as string),
      });
      expect(send.status).toBe(403);
      expect((await json<{ error: { code: string } }>(send)).error.code).toBe('FORBIDDEN');
      const plan = await stack.call('/api/meetings/plan', {
        token,
        method: 'POST',
        body: { group: 'samverkansgrupp', year: springYear, season: 'var', durationMinutes: 60 },
      });
      // "Förbereds av ordföranden och samordnaren" (#17): the samordnare finds times, only the convener calls.
      expect(plan.status).toBe(token === coordinator ? 200 : 403);
    }
    const records = await json<{ meetings: MeetingView[] }>(
      await stack.call('/api/meetings/records', { token: member }),
    );
    expect(records.meetings.filter((m) => m.date === springDays[5])).toHaveLength(0);
  });

  let spring: MeetingView;
  let iCalUId: string;

  it('sends the kallelse: internal members get the event with the Teams link, externals exactly one invitation', async () => {
    const body = sendBody(springDays[8] as string);
    const response = await stack.call('/api/meetings', { token: chair, method: 'POST', body });
    expect(response.status).toBe(201);
    spring = (await json<{ meeting: MeetingView }>(response)).meeting;
    expect(spring.status).toBe('planerat');
    expect(spring.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\//);

    const event = await organizerEvent(spring.eventId);
    iCalUId = String(event.iCalUId);
    expect(event.isOnlineMeeting).toBe(true);
    expect(event.location?.displayName).toBe('Regionens hus, sal Vindeln');
    expect(event.body?.content).toContain('Dagordning');
    expect(event.body?.content).toContain('Val av två justerare');
    expect(event.body?.content).toContain('https://example.org/lagesrapport.pdf');
    const attendees = (event.attendees ?? []).map((a) => a.emailAddress?.address?.toLowerCase());
    expect(attendees.sort()).toEqual(
      samverkansgruppen
        .map((p) => p.mail.toLowerCase())
        .filter((m) => m !== CHAIR)
        .sort(),
    );

    const karin = await copyOf(COORDINATOR, iCalUId);
    expect(karin?.isOrganizer).toBe(false);
    expect(karin?.onlineMeeting?.joinUrl).toBe(spring.joinUrl);

    const sent = await outbox(iCalUId);
    expect(
      sent
        .filter((m) => m.type === 'invitation')
        .map((m) => m.to.toLowerCase())
        .sort(),
    ).toEqual([...externalMembers].sort());

    // The same request again (a retry by the tab): the same meeting, no second invitation, no second item.
    const again = await stack.call('/api/meetings', { token: chair, method: 'POST', body });
    expect(again.status).toBe(200);
    expect((await json<{ meeting: MeetingView; created: boolean }>(again)).meeting.id).toBe(spring.id);
    expect((await outbox(iCalUId)).filter((m) => m.type === 'invitation')).toHaveLength(externalMembers.length);
    const records = await json<{ meetings: MeetingView[] }>(
      await stack.call('/api/meetings/records', { token: member }),
    );
    expect(records.meetings.filter((m) => m.status === 'planerat').map((m) => m.id)).toEqual([spring.id]);
  });

  it('answers per person and per kommun; a warning when a kommun will be unrepresented', async () => {
    const respond = (attendee: string, response: string) =>
      control(stack.tenant, 'POST', '/invitations/respond', {
        eventId: spring.eventId,
        organizer: CHAIR,
        attendee,
        response,
      });
    expect((await respond('erik.lundqvist@umea.se', 'accepted')).status).toBe(200);
    expect((await respond('lars.wikstrom@skelleftea.se', 'declined')).status).toBe(200);
    expect((await respond('anna.sjoberg@skelleftea.se', 'declined')).status).toBe(200);
    expect((await respond('eva.marklund@lycksele.se', 'tentativelyAccepted')).status).toBe(200);
    // The coordinator answers in her own calendar, as Outlook would.
    const karin = await userClient(stack.tenant, COORDINATOR);
    const copy = await copyOf(COORDINATOR, iCalUId);
    await karin.api(`/me/events/${copy?.id}/accept`).post({ sendResponse: true });

    const response = await stack.call(`/api/meetings/${spring.id}/answers`, { token: member });
    expect(response.status).toBe(200);
    const answers = await json<AnswersView>(response);
    const row = (id: string) => answers.organisations.find((o) => o.organisationId === id);
    expect(row('umea')).toMatchObject({ invited: 2, accepted: 2 });
    expect(row('skelleftea')).toMatchObject({ invited: 2, declined: 2, accepted: 0 });
    expect(row('region-vasterbotten')).toMatchObject({ invited: 1, accepted: 1 });
    expect(answers.people.find((p) => p.email === 'eva.marklund@lycksele.se')?.answer).toBe('tentative');
    expect(answers.warnings).toContainEqual(
      expect.objectContaining({ organisationId: 'skelleftea', code: 'ALL_DECLINED' }),
    );
    expect(answers.warnings).toContainEqual(
      expect.objectContaining({ organisationId: 'vilhelmina', code: 'NOT_YET_ANSWERED' }),
    );
    expect(answers.notAnswered.map((p) => p.email)).toContain('ingrid.astrom@vilhelmina.se');
    expect(answers.notAnswered.map((p) => p.email)).not.toContain('erik.lundqvist@umea.se');
    expect(answers.totals.invited).toBe(samverkansgruppen.length);
  });

  it('the .ics of the meeting and the year’s kalendarium', async () => {
    const one = await stack.call(`/api/meetings/${spring.id}/meeting.ics`, { token: member });
    expect(one.status).toBe(200);
    expect(one.headers.get('content-type')).toMatch(/text\/calendar/);
    const text = await one.text();
    expect(text).toContain('BEGIN:VEVENT');
    expect(text).toContain(`UID:mote-${spring.id}@plan-och-bygg-vasterbotten`);
    const year = await stack.call(`/api/meetings/calendar.ics?year=${springYear}`, { token: member });
    const calendar = await year.text();
    expect(calendar.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(calendar).toContain('STATUS:CANCELLED');
    expect(calendar).toContain('STATUS:CONFIRMED');
  });

  it('reschedule reaches everyone; only the convener may', async () => {
    const newDate = springDays[12] as string;
    const refused = await stack.call(`/api/meetings/${spring.id}/reschedule`, {
      token: coordinator,
      method: 'POST',
      body: { date: newDate, startTime: '13:00', endTime: '15:30' },
    });
    expect(refused.status).toBe(403);
    const records = await json<{ meetings: MeetingView[] }>(
      await stack.call('/api/meetings/records', { token: chair }),
    );
    const { etag } = records.meetings.find((m) => m.id === spring.id)!;
    const response = await stack.call(`/api/meetings/${spring.id}/reschedule`, {
      token: chair,
      method: 'POST',
      body: { date: newDate, startTime: '13:00', endTime: '15:30' },
      headers: { 'If-Match': etag },
    });
    expect(response.status).toBe(200);
    const moved = (await json<{ meeting: MeetingView }>(response)).meeting;
    expect(moved).toMatchObject({ date: newDate, startTime: '13:00' });
    const updates = (await outbox(iCalUId)).filter((m) => m.type === 'update');
    expect(updates.map((m) => m.to.toLowerCase()).sort()).toEqual([...externalMembers].sort());
    const karin = await copyOf(COORDINATOR, iCalUId);
    expect(new Date(`${karin?.start?.dateTime}Z`).toISOString()).toBe(moved.startUtc);
  });

  it('cancel reaches everyone with the message', async () => {
    const response = await stack.call(`/api/meetings/${spring.id}/cancel`, {
      token: chair,
      method: 'POST',
      body: { comment: 'Mötet flyttas till hösten på grund av budgetarbetet.' },
    });
    expect(response.status).toBe(200);
    expect((await json<{ meeting: MeetingView }>(response)).meeting.status).toBe('installt');
    const cancellations = (await outbox(iCalUId)).filter((m) => m.type === 'cancellation');
    expect(cancellations.map((m) => m.to.toLowerCase()).sort()).toEqual([...externalMembers].sort());
    expect(cancellations[0]?.comment).toContain('budgetarbetet');
    expect((await copyOf(COORDINATOR, iCalUId))?.isCancelled).toBe(true);
    const upcoming = await json<{ meetings: unknown[] }>(
      await stack.call('/api/meetings?upcoming=true', { token: member }),
    );
    expect(upcoming.meetings).toHaveLength(0);
  });

  it('the coordinator convenes stödgruppen; the chair may not', async () => {
    const date = springDays[3] as string;
    const body = {
      group: 'stodgrupp',
      date,
      startTime: '10:00',
      endTime: '11:30',
      online: true,
      idempotencyKey: randomUUID(),
    };
    expect((await stack.call('/api/meetings', { token: chair, method: 'POST', body })).status).toBe(403);
    const response = await stack.call('/api/meetings', { token: coordinator, method: 'POST', body });
    expect(response.status).toBe(201);
    const meeting = (await json<{ meeting: MeetingView }>(response)).meeting;
    const app = await adminClient(stack.tenant);
    const event = (await app.api(`/users/${COORDINATOR}/events/${meeting.eventId}`).get()) as Event;
    const invited = (event.attendees ?? []).map((a) => a.emailAddress?.address?.toLowerCase()).sort();
    expect(invited).toEqual(
      SEED_PEOPLE.filter((p) => p.xRoles.includes('stodgrupp') && p.mail !== COORDINATOR)
        .map((p) => p.mail.toLowerCase())
        .sort(),
    );
    expect(event.body?.content).not.toContain('Val av två justerare');
  });

  it('date poll: the chair proposes times, members vote, votes are tallied per candidate and kommun', async () => {
    const candidates = [springDays[20], springDays[22], springDays[25]].map((day) => ({
      start: `${day}T09:00`,
      end: `${day}T12:00`,
    }));
    const refused = await stack.call('/api/meetings/polls', {
      token: member,
      method: 'POST',
      body: { group: 'samverkansgrupp', year: springYear, season: 'var', candidates, deadline: springDays[15] },
    });
    expect(refused.status).toBe(403);
    const created = await stack.call('/api/meetings/polls', {
      token: chair,
      method: 'POST',
      body: { group: 'samverkansgrupp', year: springYear, season: 'var', candidates, deadline: springDays[15] },
    });
    expect(created.status).toBe(201);
    const poll = (await json<{ poll: { id: string; candidates: { id: string }[] } }>(created)).poll;
    expect(poll.candidates.map((c) => c.id)).toEqual(['k1', 'k2', 'k3']);

    const vote = (token: string, choices: Record<string, string>) =>
      stack.call(`/api/meetings/polls/${poll.id}/votes`, { token, method: 'POST', body: { choices } });
    expect((await vote(member, { k1: 'ja', k2: 'nej', k3: 'om-det-behövs' })).status).toBe(200);
    expect((await vote(stodgruppMember, { k1: 'nej', k2: 'ja', k3: 'ja' })).status).toBe(200);
    // Voting again replaces the earlier vote.
    const last = await vote(stodgruppMember, { k1: 'ja', k2: 'ja', k3: 'nej' });
    const view = (
      await json<{
        poll: {
          voters: number;
          tally: { ja: number; nej: number; kommunerWithJa: string[] }[];
          best: { candidate: { id: string } };
        };
      }>(last)
    ).poll;
    expect(view.voters).toBe(2);
    expect(view.tally.map((t) => t.ja)).toEqual([2, 1, 0]);
    expect(view.tally[0]?.kommunerWithJa.sort()).toEqual(['skelleftea', 'umea']);
    expect(view.best.candidate.id).toBe('k1');
    const bad = await vote(member, { k9: 'ja' });
    expect(bad.status).toBe(400);
  });

  describe('after the meeting: närvaro, beslut, protokoll, justering, PDF', () => {
    let held: MeetingView;
    const adjusters = ['erik.lundqvist@umea.se', 'anna.sjoberg@skelleftea.se'];

    beforeAll(async () => {
      const response = await stack.call('/api/meetings', {
        token: chair,
        method: 'POST',
        body: sendBody(pastAutumnDay, { season: 'host' }),
      });
      expect(response.status).toBe(201);
      held = (await json<{ meeting: MeetingView }>(response)).meeting;
    });

    it('only the coordinator records närvaro; rows per member', async () => {
      const rows = [CHAIR, COORDINATOR, ...adjusters, 'helena.nilsson@storuman.se'].map((email) => ({
        email,
        present: true,
      }));
      rows.push({ email: 'ingrid.astrom@vilhelmina.se', present: false });
      expect(
        (await stack.call(`/api/meetings/${held.id}/attendance`, { token: chair, method: 'PUT', body: { rows } }))
          .status,
      ).toBe(403);
      const response = await stack.call(`/api/meetings/${held.id}/attendance`, {
        token: coordinator,
        method: 'PUT',
        body: { rows },
      });
      expect(response.status).toBe(200);
      const attendance = (
        await json<{ attendance: { email: string; present: boolean; recorded: boolean }[] }>(response)
      ).attendance;
      expect(
        attendance
          .filter((r) => r.present)
          .map((r) => r.email)
          .sort(),
      ).toEqual([CHAIR, COORDINATOR, ...adjusters, 'helena.nilsson@storuman.se'].sort());
      expect(attendance.find((r) => r.email === 'ingrid.astrom@vilhelmina.se')).toMatchObject({
        present: false,
        recorded: true,
      });
      expect(attendance.length).toBe(samverkansgruppen.length);
    });

    it('records decisions in Beslut linked to the meeting', async () => {
      for (const body of [
        { kind: 'budget', text: 'Budgeten för nästa år fastställs enligt förslaget.', ownerEmail: COORDINATOR },
        {
          kind: 'arbetsgrupp',
          text: 'En arbetsgrupp för digitala bygglov tillsätts.',
          followUpDue: `${pastAutumnYear + 1}-03-31`,
        },
      ]) {
        const response = await stack.call(`/api/meetings/${held.id}/decisions`, {
          token: coordinator,
          method: 'POST',
          body,
        });
        expect(response.status).toBe(201);
      }
      const app = stack.server.services.graph.forApp();
      const { siteId, listId } = await stack.server.services.site.list(app, 'decisions');
      const items = await app.listItems(siteId, listId);
      const ours = items.filter((item) => item.fields.MeetingId === held.id);
      expect(ours.map((item) => item.fields.DecisionKind).sort()).toEqual(['arbetsgrupp', 'budget']);
      expect(ours.find((item) => item.fields.DecisionKind === 'budget')?.fields.OwnerEmail).toBe(COORDINATOR);
    });

    it('drafts the protokoll; the secretary, the chair and the two justerare approve in order; then it is locked and downloads as one PDF', async () => {
      const refused = await stack.call(`/api/meetings/${held.id}/protocol`, {
        token: coordinator,
        method: 'PUT',
        body: {
          secretaryEmail: COORDINATOR,
          chairEmail: CHAIR,
          adjusterEmails: [adjusters[0], 'ingrid.astrom@vilhelmina.se'],
        },
      });
      expect(refused.status).toBe(400);
      const drafted = await stack.call(`/api/meetings/${held.id}/protocol`, {
        token: coordinator,
        method: 'PUT',
        body: { secretaryEmail: COORDINATOR, chairEmail: CHAIR, adjusterEmails: adjusters },
      });
      expect(drafted.status).toBe(200);
      const draft = (
        await json<{ protocol: { status: string; version: number; sections: { beslut: { text: string }[] } } }>(drafted)
      ).protocol;
      expect(draft.status).toBe('utkast');
      expect(draft.sections.beslut).toHaveLength(2);

      // In order (#16): the secretary, the chair, then the two justerare; out of turn is refused with the reason.
      const approve = (token: string, body: unknown = {}) =>
        stack.call(`/api/meetings/${held.id}/protocol/approve`, { token, method: 'POST', body });
      const early = await approve(chair);
      expect(early.status).toBe(422);
      expect(await early.text()).toContain('Sekreteraren godkänner protokollet först.');
      const tooEarly = await approve(member);
      expect(tooEarly.status).toBe(422);
      expect(await tooEarly.text()).toContain('Sekreteraren och ordföranden godkänner protokollet innan justerarna');
      const { version } = draft;
      const stale = await approve(coordinator, { version: version - 1 });
      expect(stale.status).toBe(422);
      expect(await stale.text()).toContain('Protokollet har ändrats sedan du läste det.');
      const bySecretary = await approve(coordinator, { version });
      expect(bySecretary.status).toBe(200);
      // A second press (#15) answers the protokoll as it is: one approval.
      const repeat = await approve(coordinator, { version });
      expect(repeat.status).toBe(200);
      const afterRepeat = (await json<{ protocol: { approvals: unknown[]; turn: { step: string } } }>(repeat)).protocol;
      expect(afterRepeat.approvals).toHaveLength(1);
      expect(afterRepeat.turn.step).toBe('ordforande');
      expect((await approve(member)).status).toBe(422);
      expect((await approve(chair)).status).toBe(200);
      const first = await approve(member);
      expect((await json<{ protocol: { status: string } }>(first)).protocol.status).toBe('utkast');
      const second = await approve(stodgruppMember);
      const locked = (await json<{ protocol: { status: string; lockedAt?: string } }>(second)).protocol;
      expect(locked.status).toBe('justerat');
      expect(locked.lockedAt).toBeDefined();

      const late = await stack.call(`/api/meetings/${held.id}/decisions`, {
        token: coordinator,
        method: 'POST',
        body: { kind: 'budget', text: 'Ett beslut efter justeringen.' },
      });
      expect(late.status).toBe(422);

      const pdf = await stack.call(`/api/meetings/${held.id}/protocol.pdf`, { token: member });
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      const bytes = Buffer.from(await pdf.arrayBuffer());
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(bytes.length).toBeGreaterThan(2000);
    });
  });

  it('with 429 and 503 injected on Graph the kallelse still goes out exactly once', async () => {
    const faults = await control(stack.tenant, 'POST', '/faults', [
      { status: 429, retryAfter: 0.01, path: '/events', method: 'POST', count: 2 },
      { status: 503, retryAfter: 0.01, path: '/lists/', count: 2 },
      { status: 429, retryAfter: 0.01, probability: 0.15 },
    ]);
    expect(faults.status).toBe(201);
    // The season's ordinary meeting is already called above: this one is an extra möte (issue #16).
    const body = sendBody(springDays[30] as string, { extraMeeting: { reason: 'Prov av återförsök.' } });
    const before = await requestLogSeq(stack.tenant);
    let response = await stack.call('/api/meetings', { token: chair, method: 'POST', body });
    // A call that still failed after the server's own retries is retried by the tab with the same key.
    for (let attempt = 0; response.status >= 500 && attempt < 3; attempt += 1) {
      response = await stack.call('/api/meetings', { token: chair, method: 'POST', body });
    }
    expect([200, 201]).toContain(response.status);
    const log = await requestsSince(stack.tenant, before);
    expect(log.filter((r) => r.faultInjected).length).toBeGreaterThanOrEqual(3);
    const meeting = (await json<{ meeting: MeetingView }>(response)).meeting;
    await control(stack.tenant, 'DELETE', '/faults');
    const event = await organizerEvent(meeting.eventId);
    const sent = (await outbox(String(event.iCalUId))).filter((m) => m.type === 'invitation');
    expect(sent.map((m) => m.to.toLowerCase()).sort()).toEqual([...externalMembers].sort());
    const app = await adminClient(stack.tenant);
    const chairEvents = (await app
      .api(`/users/${CHAIR}/events`)
      .filter(`subject eq '${String(event.subject)}'`)
      .top(100)
      .get()) as { value: Event[] };
    expect(chairEvents.value.filter((e) => e.start?.dateTime?.startsWith(springDays[30] as string))).toHaveLength(1);
    const records = await json<{ meetings: MeetingView[] }>(
      await stack.call('/api/meetings/records', { token: member }),
    );
    expect(records.meetings.filter((m) => m.date === springDays[30])).toHaveLength(1);
  });
});
