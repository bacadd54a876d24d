import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from '@microsoft/microsoft-graph-client';
import type { Event } from '@microsoft/microsoft-graph-types';
import { SEED_PEOPLE, type RunningTenant } from '../src/index';
import { appClient, CHAIR, control, COORDINATOR, MEMBER_GUEST, startTestTenant, userClient } from './support';

const PER = 'per.holmberg@regionvasterbotten.se';
const SARA = 'sara.oberg@regionvasterbotten.se';
const EXTERNAL = 'anna.extern@konsultbolaget.example';

interface OutboxMessage {
  type: 'invitation' | 'update' | 'cancellation';
  to: string;
  iCalUId: string;
  subject: string;
  comment?: string;
}

async function outbox(tenant: RunningTenant, query: Record<string, string>): Promise<OutboxMessage[]> {
  const response = await control(tenant, 'GET', `/outbox?${new URLSearchParams(query).toString()}`);
  return ((await response.json()) as { value: OutboxMessage[] }).value;
}

function meeting(overrides: Partial<Event> & Record<string, unknown> = {}): Record<string, unknown> {
  return {
    subject: 'Samverkansgruppen',
    body: { contentType: 'HTML', content: '<p>Dagordning följer.</p>' },
    start: { dateTime: '2027-09-07T09:00:00', timeZone: 'Europe/Stockholm' },
    end: { dateTime: '2027-09-07T10:00:00', timeZone: 'Europe/Stockholm' },
    location: { displayName: 'Regionens hus, Umeå' },
    isOnlineMeeting: true,
    onlineMeetingProvider: 'teamsForBusiness',
    ...overrides,
  };
}

type Collection<T> = { value: T[]; '@odata.nextLink'?: string };

describe('local tenant: calendar events and invitations', () => {
  let tenant: RunningTenant;
  let app: Client;
  let chair: Client;
  let coordinator: Client;

  beforeAll(async () => {
    tenant = await startTestTenant();
    app = await appClient(tenant);
    chair = await userClient(tenant, CHAIR);
    coordinator = await userClient(tenant, COORDINATOR);
  });
  afterAll(async () => tenant.close());

  async function copiesOf(user: string, iCalUId: string): Promise<Event[]> {
    const page = (await app.api(`/users/${user}/events`).filter(`iCalUId eq '${iCalUId}'`).get()) as Collection<Event>;
    return page.value;
  }

  it('answers 404 MailboxNotEnabledForRESTAPI for a guest, who has no mailbox in this tenant', async () => {
    await expect(
      app.api(`/users/${SEED_PEOPLE.find((p) => p.mail === MEMBER_GUEST)!.id}/events`).get(),
    ).rejects.toMatchObject({
      statusCode: 404,
      code: 'MailboxNotEnabledForRESTAPI',
      message: 'The mailbox is either inactive, soft-deleted, or is hosted on-premise.',
    });
  });

  it('creates a meeting (201) with Graph fields, a copy per internal attendee and one invitation per external one', async () => {
    const created = (await chair.api('/me/events').post(
      meeting({
        attendees: [
          { emailAddress: { address: COORDINATOR, name: 'Karin Nordström' }, type: 'required' },
          { emailAddress: { address: MEMBER_GUEST }, type: 'required' },
          { emailAddress: { address: EXTERNAL, name: 'Anna Extern' }, type: 'optional' },
        ],
        categories: ['Samverkan'],
      }),
    )) as Event & { '@odata.etag': string };
    expect(created.id!.length).toBeGreaterThan(100);
    expect(created.id).toMatch(/^[A-Za-z0-9_=-]+$/);
    expect(created.iCalUId).toMatch(/^040000008200E00074C5B7101A82E008/);
    expect(created['@odata.etag']).toBe(`W/"${created.changeKey}"`);
    expect(created.isOrganizer).toBe(true);
    expect(created.responseStatus?.response).toBe('organizer');
    expect(created.organizer?.emailAddress?.address).toBe(CHAIR);
    expect(created.allowNewTimeProposals).toBe(true);
    expect(created.onlineMeeting?.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    expect(created.webLink).toMatch(/^https:\/\/outlook\.office365\.com\/owa\/\?itemid=/);
    // Stored in UTC, answered in UTC without a Prefer header: 09:00 CEST is 07:00 UTC.
    expect(created.start).toEqual({ dateTime: '2027-09-07T07:00:00.0000000', timeZone: 'UTC' });
    expect(created.originalStartTimeZone).toBe('Europe/Stockholm');
    expect(created.attendees).toHaveLength(3);
    for (const a of created.attendees ?? [])
      expect(a.status).toEqual({ response: 'none', time: '0001-01-01T00:00:00Z' });
    expect(created.attendees?.find((a) => a.emailAddress?.address === MEMBER_GUEST)?.emailAddress?.name).toBe(
      'Erik Lundqvist',
    );
    expect(created).not.toHaveProperty('xCopies');

    const [copy, ...more] = await copiesOf(COORDINATOR, created.iCalUId!);
    expect(more).toHaveLength(0);
    expect(copy).toMatchObject({
      isOrganizer: false,
      subject: 'Samverkansgruppen',
      responseStatus: { response: 'none' },
    });
    expect(copy!.id).not.toBe(created.id);
    expect(await outbox(tenant, { to: MEMBER_GUEST, iCalUId: created.iCalUId! })).toMatchObject([
      { type: 'invitation' },
    ]);
    expect(await outbox(tenant, { to: EXTERNAL, iCalUId: created.iCalUId! })).toMatchObject([{ type: 'invitation' }]);
    expect(await outbox(tenant, { to: COORDINATOR })).toEqual([]);
  });

  it('refuses end before start, unknown properties (strict) and recurrence (501)', async () => {
    await expect(
      chair.api('/me/events').post(meeting({ end: { dateTime: '2027-09-07T08:00:00', timeZone: 'Europe/Stockholm' } })),
    ).rejects.toMatchObject({ statusCode: 400 });
    await expect(chair.api('/me/events').post(meeting({ colour: 'red' }))).rejects.toMatchObject({ statusCode: 400 });
    await expect(
      chair.api('/me/events').post(meeting({ start: { dateTime: '2027-09-07T09:00:00', timeZone: 'Mars/Olympus' } })),
    ).rejects.toMatchObject({ statusCode: 400 });
    await expect(
      chair.api('/me/events').post(meeting({ recurrence: { pattern: { type: 'weekly', interval: 1 } } })),
    ).rejects.toMatchObject({ statusCode: 501, code: 'NotImplemented' });
    await expect(
      chair.api('/me/events').post(meeting({ '@odata.type': '#microsoft.graph.event' })),
    ).resolves.toMatchObject({
      subject: 'Samverkansgruppen',
    });
  });

  it('returns the first event for a repeated transactionId, also when the first POST met a 503 and the RetryHandler resent it', async () => {
    const transactionId = '7E163156-7762-4BEB-A1C6-729EA81755A7';
    const body = meeting({
      subject: 'Idempotent möte',
      transactionId,
      attendees: [
        { emailAddress: { address: COORDINATOR } },
        { emailAddress: { address: PER } },
        { emailAddress: { address: EXTERNAL } },
      ],
    });
    const fault = await control(tenant, 'POST', '/faults', {
      status: 503,
      path: '^/v1\\.0/(me|users/[^/]+)/events$',
      method: 'POST',
      count: 1,
    });
    expect(fault.status).toBe(201);
    const first = (await chair.api(`/users/${CHAIR}/events`).post(body)) as Event;
    const second = (await chair.api('/me/events').post(body)) as Event;
    const third = (await app.api(`/users/${CHAIR}/calendar/events`).post(body)) as Event;
    expect(second.id).toBe(first.id);
    expect(third.id).toBe(first.id);
    const log = (await (await control(tenant, 'GET', '/requests')).json()) as {
      requests: { status: number; path: string; method: string }[];
    };
    expect(
      log.requests
        .filter((r) => r.method === 'POST' && /\/events$/.test(r.path))
        .map((r) => r.status)
        .slice(-4),
    ).toEqual([503, 201, 201, 201]);

    const mine = (await chair
      .api('/me/events')
      .filter(`transactionId eq '${transactionId}'`)
      .get()) as Collection<Event>;
    expect(mine.value).toHaveLength(1);
    expect(await copiesOf(COORDINATOR, first.iCalUId!)).toHaveLength(1);
    expect(await copiesOf(PER, first.iCalUId!)).toHaveLength(1);
    expect(await outbox(tenant, { to: EXTERNAL, iCalUId: first.iCalUId! })).toHaveLength(1);
    await expect(chair.api(`/me/events/${first.id}`).patch({ transactionId: 'other' })).rejects.toMatchObject({
      statusCode: 400,
    });
  });

  it('records accept, tentative and decline on the attendee copy and on the organizer attendees[].status', async () => {
    const created = (await chair.api('/me/events').post(
      meeting({
        subject: 'Svarsmöte',
        attendees: [{ emailAddress: { address: COORDINATOR } }, { emailAddress: { address: EXTERNAL } }],
      }),
    )) as Event;
    const [copy] = await copiesOf(COORDINATOR, created.iCalUId!);
    expect(copy!.showAs).toBe('tentative');

    expect(
      (
        await fetchWithToken(coordinator, `/me/events/${copy!.id}/tentativelyAccept`, {
          comment: 'Kanske',
          sendResponse: true,
        })
      ).status,
    ).toBe(202);
    let organizerView = (await chair.api(`/me/events/${created.id}`).select('attendees').get()) as Event;
    expect(organizerView.attendees?.find((a) => a.emailAddress?.address === COORDINATOR)?.status?.response).toBe(
      'tentativelyAccepted',
    );

    const raw = await fetchWithToken(coordinator, `/me/events/${copy!.id}/accept`, { comment: 'Jag kommer' });
    expect(raw.status).toBe(202);
    expect(raw.text).toBe('');
    const acceptedCopy = (await coordinator.api(`/me/events/${copy!.id}`).get()) as Event;
    expect(acceptedCopy.responseStatus?.response).toBe('accepted');
    expect(acceptedCopy.showAs).toBe('busy');
    organizerView = (await chair.api(`/me/events/${created.id}`).select('attendees,subject').get()) as Event;
    // event-get's $select example also carries the default calendar's association and navigation links.
    expect(Object.keys(organizerView).sort()).toEqual([
      '@odata.context',
      '@odata.etag',
      'attendees',
      'calendar@odata.associationLink',
      'calendar@odata.navigationLink',
      'id',
      'subject',
    ]);
    const status = organizerView.attendees?.find((a) => a.emailAddress?.address === COORDINATOR)?.status;
    expect(status?.response).toBe('accepted');
    expect(status?.time).not.toBe('0001-01-01T00:00:00Z');

    await coordinator.api(`/me/events/${copy!.id}/decline`).post({ sendResponse: false });
    expect(((await coordinator.api(`/me/events/${copy!.id}`).get()) as Event).responseStatus?.response).toBe(
      'declined',
    );
    organizerView = (await chair.api(`/me/events/${created.id}`).get()) as Event;
    expect(organizerView.attendees?.find((a) => a.emailAddress?.address === COORDINATOR)?.status?.response).toBe(
      'accepted',
    );

    await expect(chair.api(`/me/events/${created.id}/accept`).post({})).rejects.toMatchObject({ statusCode: 400 });

    // An external attendee answers by e-mail: the control plays their mail client.
    const answered = await control(tenant, 'POST', '/invitations/respond', {
      iCalUId: created.iCalUId,
      organizer: CHAIR,
      attendee: EXTERNAL,
      response: 'declined',
    });
    expect(answered.status).toBe(200);
    organizerView = (await chair.api(`/me/events/${created.id}`).get()) as Event;
    expect(organizerView.attendees?.find((a) => a.emailAddress?.address === EXTERNAL)?.status?.response).toBe(
      'declined',
    );
    const stranger = await control(tenant, 'POST', '/invitations/respond', {
      eventId: created.id,
      organizer: CHAIR,
      attendee: 'nobody@example.org',
      response: 'accepted',
    });
    expect(stranger.status).toBe(400);
  });

  it('lets only the organizer cancel; cancel marks copies canceled, mails externals and moves the original away', async () => {
    const created = (await chair.api('/me/events').post(
      meeting({
        subject: 'Ska ställas in',
        attendees: [{ emailAddress: { address: COORDINATOR } }, { emailAddress: { address: MEMBER_GUEST } }],
      }),
    )) as Event;
    const [copy] = await copiesOf(COORDINATOR, created.iCalUId!);
    await expect(coordinator.api(`/me/events/${copy!.id}/cancel`).post({ Comment: 'Nej' })).rejects.toMatchObject({
      statusCode: 400,
      message: 'You need to be an organizer to cancel a meeting.',
    });

    const raw = await fetchWithToken(chair, `/me/events/${created.id}/cancel`, { Comment: 'Mötet utgår.' });
    expect(raw.status).toBe(202);
    expect(raw.text).toBe('');
    await expect(chair.api(`/me/events/${created.id}`).get()).rejects.toMatchObject({
      statusCode: 404,
      code: 'ErrorItemNotFound',
    });
    const cancelled = (await coordinator.api(`/me/events/${copy!.id}`).get()) as Event;
    expect(cancelled).toMatchObject({ isCancelled: true, subject: 'Canceled: Ska ställas in' });
    await expect(coordinator.api(`/me/events/${copy!.id}/accept`).post({})).rejects.toMatchObject({ statusCode: 400 });
    const mail = await outbox(tenant, { to: MEMBER_GUEST, iCalUId: created.iCalUId! });
    expect(mail.map((m) => m.type)).toEqual(['invitation', 'cancellation']);
    expect(mail[1]!.comment).toBe('Mötet utgår.');
  });

  it('DELETE by the organizer cancels for attendees too; DELETE by an attendee removes only their copy', async () => {
    const created = (await chair.api('/me/events').post(
      meeting({
        subject: 'Raderas',
        attendees: [{ emailAddress: { address: COORDINATOR } }, { emailAddress: { address: PER } }],
      }),
    )) as Event;
    const [karinsCopy] = await copiesOf(COORDINATOR, created.iCalUId!);
    await coordinator.api(`/me/events/${karinsCopy!.id}`).delete();
    expect(await copiesOf(COORDINATOR, created.iCalUId!)).toHaveLength(0);
    expect(((await chair.api(`/me/events/${created.id}`).get()) as Event).isCancelled).toBe(false);
    await chair.api(`/me/events/${created.id}`).delete();
    const [persCopy] = await copiesOf(PER, created.iCalUId!);
    expect(persCopy!.isCancelled).toBe(true);
  });

  it('PATCH by the organizer propagates time, subject, body and location, adds and removes attendees', async () => {
    const created = (await chair.api('/me/events').post(
      meeting({
        subject: 'Före',
        attendees: [
          { emailAddress: { address: COORDINATOR } },
          { emailAddress: { address: PER } },
          { emailAddress: { address: EXTERNAL } },
        ],
      }),
    )) as Event;
    const [pers] = await copiesOf(PER, created.iCalUId!);
    await (await userClient(tenant, PER)).api(`/me/events/${pers!.id}/accept`).post({});

    const updated = (await chair.api(`/me/events/${created.id}`).patch({
      subject: 'Efter',
      body: { contentType: 'text', content: 'Ny dagordning' },
      start: { dateTime: '2027-09-08T13:00:00', timeZone: 'W. Europe Standard Time' },
      end: { dateTime: '2027-09-08T14:30:00', timeZone: 'W. Europe Standard Time' },
      location: { displayName: 'Stadshuset, Skellefteå' },
      attendees: [
        { emailAddress: { address: PER } },
        { emailAddress: { address: SARA } },
        { emailAddress: { address: EXTERNAL } },
      ],
    })) as Event;
    expect(updated).toMatchObject({
      subject: 'Efter',
      start: { dateTime: '2027-09-08T11:00:00.0000000', timeZone: 'UTC' },
    });
    expect(updated.changeKey).not.toBe(created.changeKey);
    expect(updated.attendees?.map((a) => a.emailAddress?.address)).toEqual([PER, SARA, EXTERNAL]);
    // A new time asks again: Per's earlier answer no longer holds.
    expect(updated.attendees?.[0]?.status?.response).toBe('none');

    const [persAfter] = await copiesOf(PER, created.iCalUId!);
    expect(persAfter).toMatchObject({
      subject: 'Efter',
      body: { content: 'Ny dagordning' },
      location: { displayName: 'Stadshuset, Skellefteå' },
      end: { dateTime: '2027-09-08T12:30:00.0000000' },
      responseStatus: { response: 'none' },
    });
    expect(await copiesOf(SARA, created.iCalUId!)).toHaveLength(1);
    const [karins] = await copiesOf(COORDINATOR, created.iCalUId!);
    expect(karins).toMatchObject({ isCancelled: true, subject: 'Canceled: Före' });
    expect((await outbox(tenant, { to: EXTERNAL, iCalUId: created.iCalUId! })).map((m) => m.type)).toEqual([
      'invitation',
      'update',
    ]);

    await expect(
      (await userClient(tenant, PER))
        .api(`/me/events/${persAfter!.id}`)
        .patch({ start: { dateTime: '2027-09-08T15:00:00', timeZone: 'UTC' } }),
    ).rejects.toMatchObject({ statusCode: 400 });
    const own = (await (
      await userClient(tenant, PER)
    )
      .api(`/me/events/${persAfter!.id}`)
      .patch({ categories: ['Viktigt'] })) as Event;
    expect(own.categories).toEqual(['Viktigt']);
    await expect(
      chair.api(`/me/events/${created.id}`).header('If-Match', 'W/"stale"').patch({ subject: 'Krock' }),
    ).rejects.toMatchObject({ statusCode: 412 });
  });

  it("puts a meeting message in each internal attendee's inbox: one update per organizer change they see", async () => {
    const messages = async (query: Record<string, string>) =>
      (
        (await (await control(tenant, 'GET', `/meetingMessages?${new URLSearchParams(query).toString()}`)).json()) as {
          value: OutboxMessage[];
        }
      ).value;
    const created = (await chair
      .api('/me/events')
      .post(
        meeting({ attendees: [{ emailAddress: { address: PER } }, { emailAddress: { address: SARA } }] }),
      )) as Event;
    const uid = created.iCalUId!;
    expect((await messages({ iCalUId: uid })).map((m) => [m.type, m.to])).toEqual([
      ['invitation', PER],
      ['invitation', SARA],
    ]);
    await chair.api(`/me/events/${created.id}`).patch({ body: { contentType: 'HTML', content: '<p>Ny punkt</p>' } });
    expect((await messages({ iCalUId: uid })).filter((m) => m.type === 'update').map((m) => m.to)).toEqual([PER, SARA]);
    // The organizer's own fields send nothing; an attendee-only change reaches only those who changed.
    await chair.api(`/me/events/${created.id}`).patch({ categories: ['Samverkan'] });
    await chair
      .api(`/me/events/${created.id}`)
      .patch({ attendees: [{ emailAddress: { address: PER } }, { emailAddress: { address: COORDINATOR } }] });
    expect((await messages({ iCalUId: uid })).slice(4).map((m) => [m.type, m.to])).toEqual([
      ['cancellation', SARA],
      ['invitation', COORDINATOR],
    ]);
    await chair.api(`/me/events/${created.id}/cancel`).post({ Comment: 'Inställt.' });
    expect((await messages({ iCalUId: uid, to: PER })).map((m) => m.type)).toEqual([
      'invitation',
      'update',
      'cancellation',
    ]);
    expect(await outbox(tenant, { iCalUId: uid })).toEqual([]);
  });

  it('keeps delegated callers to their own mailbox and enforces calendar permissions', async () => {
    await expect(chair.api(`/users/${COORDINATOR}/events`).get()).rejects.toMatchObject({
      statusCode: 403,
      code: 'ErrorAccessDenied',
    });
    await expect(app.api('/me/events').get()).rejects.toMatchObject({ statusCode: 400 });
    const readBasic = await startTestTenant({ app: { applicationPermissions: ['Calendars.ReadBasic'] } });
    try {
      const weak = await appClient(readBasic);
      await expect(weak.api(`/users/${CHAIR}/events`).post(meeting())).rejects.toMatchObject({
        statusCode: 403,
        code: 'Authorization_RequestDenied',
      });
      const page = (await weak.api(`/users/${CHAIR}/events`).top(3).get()) as Collection<Event>;
      expect(page.value).toHaveLength(3);
      expect(page['@odata.nextLink']).toContain('$skiptoken');
      expect(page.value[0]).not.toHaveProperty('body');
      expect(page.value[0]).toHaveProperty('subject');
    } finally {
      await readBasic.close();
    }
  });
});

/** The Graph client turns an empty 202 into undefined; read status and body from the wire for those checks. */
async function fetchWithToken(client: Client, path: string, body: unknown): Promise<{ status: number; text: string }> {
  const { ResponseType } = await import('@microsoft/microsoft-graph-client');
  const response = (await client.api(path).responseType(ResponseType.RAW).post(body)) as Response;
  return { status: response.status, text: await response.text() };
}
