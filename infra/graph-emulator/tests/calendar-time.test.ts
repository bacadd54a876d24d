import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ResponseType, type Client } from '@microsoft/microsoft-graph-client';
import type { Event, ScheduleInformation } from '@microsoft/microsoft-graph-types';
import { startTenant, type RunningTenant } from '../src/index';
import { appClient, CHAIR, COORDINATOR, startTestTenant, TEST_APP } from './support';

type Collection<T> = { value: T[] };

describe('local tenant: calendar time zones, seed and persistence', () => {
  let tenant: RunningTenant;
  let app: Client;

  beforeAll(async () => {
    tenant = await startTestTenant();
    app = await appClient(tenant);
  });
  afterAll(async () => tenant.close());

  async function readIn(id: string, zone: string): Promise<{ event: Event; applied: string | null }> {
    const response = (await app
      .api(`/users/${CHAIR}/events/${id}`)
      .header('Prefer', `outlook.timezone="${zone}"`)
      .responseType(ResponseType.RAW)
      .get()) as Response;
    return { event: (await response.json()) as Event, applied: response.headers.get('preference-applied') };
  }

  it('converts across the change from summer time (2026-10-25) with Prefer outlook.timezone, IANA or Windows name', async () => {
    const create = async (start: string, end: string, timeZone = 'UTC') =>
      (await app
        .api(`/users/${CHAIR}/events`)
        .post({ subject: 'Tidszon', start: { dateTime: start, timeZone }, end: { dateTime: end, timeZone } })) as Event;
    const before = await create('2026-10-24T10:00:00', '2026-10-24T11:00:00');
    const after = await create('2026-10-26T10:00:00', '2026-10-26T11:00:00');

    const summer = await readIn(before.id!, 'Europe/Stockholm');
    expect(summer.applied).toBe('outlook.timezone="Europe/Stockholm"');
    expect(summer.event.start).toEqual({ dateTime: '2026-10-24T12:00:00.0000000', timeZone: 'Europe/Stockholm' });
    const winter = await readIn(after.id!, 'W. Europe Standard Time');
    expect(winter.applied).toBe('outlook.timezone="W. Europe Standard Time"');
    expect(winter.event.start).toEqual({
      dateTime: '2026-10-26T11:00:00.0000000',
      timeZone: 'W. Europe Standard Time',
    });

    // Written in local time: 01:00 is still summer time (UTC+2), 04:00 is winter time (UTC+1): four real hours.
    const night = await create('2026-10-25T01:00:00', '2026-10-25T04:00:00', 'W. Europe Standard Time');
    expect(night.start?.dateTime).toBe('2026-10-24T23:00:00.0000000');
    expect(night.end?.dateTime).toBe('2026-10-25T03:00:00.0000000');
    expect(night.originalStartTimeZone).toBe('W. Europe Standard Time');
    const backInStockholm = await readIn(night.id!, 'Europe/Stockholm');
    expect(backInStockholm.event.end?.dateTime).toBe('2026-10-25T04:00:00.0000000');

    const plain = (await app.api(`/users/${CHAIR}/events/${night.id}`).get()) as Event;
    expect(plain.start?.timeZone).toBe('UTC');
    await expect(
      app.api(`/users/${CHAIR}/events/${night.id}`).header('Prefer', 'outlook.timezone="Mars/Olympus"').get(),
    ).rejects.toMatchObject({ statusCode: 400 });
  });

  it('calendarView in a Prefer zone lists the same instants', async () => {
    const view = (await app
      .api(`/users/${CHAIR}/calendarView`)
      .query({ startDateTime: '2026-10-24T00:00:00Z', endDateTime: '2026-10-27T00:00:00Z' })
      .header('Prefer', 'outlook.timezone="Europe/Stockholm"')
      .filter("subject eq 'Tidszon'")
      .get()) as Collection<Event>;
    expect(view.value.map((e) => e.start?.dateTime)).toEqual([
      '2026-10-24T12:00:00.0000000',
      '2026-10-25T01:00:00.0000000',
      '2026-10-26T11:00:00.0000000',
    ]);
  });

  it('orders and filters events, and refuses what it does not implement', async () => {
    const byStart = (await app
      .api(`/users/${CHAIR}/events`)
      .filter("subject eq 'Tidszon' and start/dateTime ge '2026-10-24T12:00:00'")
      .orderby('start/dateTime desc')
      .get()) as Collection<Event>;
    expect(byStart.value.map((e) => e.start?.dateTime)).toEqual([
      '2026-10-26T10:00:00.0000000',
      '2026-10-24T23:00:00.0000000',
    ]);
    await expect(app.api(`/users/${CHAIR}/events`).filter("contains(subject,'Tid')").get()).rejects.toMatchObject({
      statusCode: 400,
    });
    await expect(app.api(`/users/${CHAIR}/events`).orderby('importance').get()).rejects.toMatchObject({
      statusCode: 400,
    });
    await expect(app.api(`/users/${CHAIR}/events`).query({ $search: 'Tid' }).get()).rejects.toMatchObject({
      statusCode: 400,
    });
  });

  it('seeds the same busy weeks on every start, for mailboxes only, in the planning seasons', async () => {
    const other = await startTestTenant();
    try {
      const view = async (t: RunningTenant, who: string) => {
        const answer = (await (await appClient(t)).api(`/users/${CHAIR}/calendar/getSchedule`).post({
          schedules: [who],
          startTime: { dateTime: '2027-04-05T00:00:00', timeZone: 'UTC' },
          endTime: { dateTime: '2027-04-19T00:00:00', timeZone: 'UTC' },
          availabilityViewInterval: 60,
        })) as Collection<ScheduleInformation>;
        return answer.value[0]!.availabilityView!;
      };
      const chairs = await view(tenant, CHAIR);
      expect(chairs).toMatch(/2/);
      expect(await view(other, CHAIR)).toBe(chairs);
      expect(await view(tenant, COORDINATOR)).not.toBe(chairs);
      const august = (await app
        .api(`/users/${CHAIR}/calendarView`)
        .query({ startDateTime: '2027-07-01T00:00:00Z', endDateTime: '2027-08-01T00:00:00Z' })
        .get()) as Collection<Event>;
      expect(august.value).toEqual([]);
      const perWeek = (await app
        .api(`/users/${COORDINATOR}/calendarView`)
        .query({ startDateTime: '2027-09-06T00:00:00+02:00', endDateTime: '2027-09-13T00:00:00+02:00' })
        .top(50)
        .get()) as Collection<Event>;
      expect(perWeek.value.length).toBeGreaterThanOrEqual(3);
      expect(perWeek.value.length).toBeLessThanOrEqual(7);
    } finally {
      await other.close();
    }
  });

  it('keeps events, copies and the outbox across a restart of the tenant', async () => {
    const dbFile = join(mkdtempSync(join(tmpdir(), 'local-tenant-')), 'tenant.sqlite');
    const first = await startTenant({ port: 0, dbFile, app: TEST_APP });
    let created: Event;
    try {
      created = (await (await appClient(first)).api(`/users/${CHAIR}/events`).post({
        subject: 'Överlever omstart',
        start: { dateTime: '2027-08-24T09:00:00', timeZone: 'UTC' },
        end: { dateTime: '2027-08-24T10:00:00', timeZone: 'UTC' },
        attendees: [{ emailAddress: { address: COORDINATOR } }, { emailAddress: { address: 'extern@example.org' } }],
        transactionId: 'restart-1',
      })) as Event;
    } finally {
      await first.close();
    }
    const second = await startTenant({ port: 0, dbFile, app: TEST_APP });
    try {
      const client = await appClient(second);
      expect(((await client.api(`/users/${CHAIR}/events/${created.id}`).get()) as Event).subject).toBe(
        'Överlever omstart',
      );
      const copies = (await client
        .api(`/users/${COORDINATOR}/events`)
        .filter(`iCalUId eq '${created.iCalUId}'`)
        .get()) as Collection<Event>;
      expect(copies.value).toHaveLength(1);
      const again = (await client.api(`/users/${CHAIR}/events`).post({
        subject: 'Överlever omstart',
        start: { dateTime: '2027-08-24T09:00:00', timeZone: 'UTC' },
        end: { dateTime: '2027-08-24T10:00:00', timeZone: 'UTC' },
        transactionId: 'restart-1',
      })) as Event;
      expect(again.id).toBe(created.id);
      const mail = (await (await fetch(`${second.url}/_emulator/outbox?to=extern@example.org`)).json()) as {
        value: unknown[];
      };
      expect(mail.value).toHaveLength(1);
    } finally {
      await second.close();
    }
  });
});
