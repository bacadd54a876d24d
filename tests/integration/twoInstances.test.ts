/**
 * Two server processes (the real `npm start` entry, scripts/start.ts) on random ports against one local tenant and
 * one Azurite, with STATE_STORE=azure: what one instance learns or does, the other sees; one runs the jobs.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@microsoft/microsoft-graph-client';
import type { Event } from '@microsoft/microsoft-graph-types';
import { BlobServiceClient } from '@azure/storage-blob';
import { SEED_PEOPLE } from '../../infra/graph-emulator/src/index';
import { CHAIR, COORDINATOR, adminClient } from '../../infra/graph-emulator/tests/support';
import { JOB_RUNNER_LEASE } from '../../api/composition/jobs';
import { addDays, candidateDays, seasonWindow, stockholmToUtc, toIsoDate } from '../../src/domain';
import { startAzurite, type RunningAzurite } from '../support/azurite';
import { spawnServer } from './support/serverProcess';
import {
  SEED_GENERAL_CHANNEL_ID,
  activityCardText,
  control,
  generalMessages,
  postActivity,
  postedActivities,
  seededUser,
  startStack,
  teamInstall,
  type Stack,
} from './support/stack';

const JOBS_INTERVAL_SECONDS = 2;
const LEASE_SECONDS = 15;
const LEASE_CONTAINER = 'jobleases';
const coordinator = seededUser(COORDINATOR);

interface Instance {
  name: string;
  url: string;
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

async function startInstance(name: string, stack: Stack, azurite: RunningAzurite): Promise<Instance> {
  const dir = mkdtempSync(join(tmpdir(), `planochbygg-${name}-`));
  // A built tab newer than its sources, so that start.ts does not run vite.
  mkdirSync(join(dir, 'tab'));
  writeFileSync(join(dir, 'tab', 'index.html'), '<!doctype html><title>flik</title>');
  const { url, child, output } = await spawnServer(
    stack,
    dir,
    {
      LOG_LEVEL: 'info',
      JOBS_INTERVAL_SECONDS: String(JOBS_INTERVAL_SECONDS),
      JOBS_LEASE_SECONDS: String(LEASE_SECONDS),
      STATE_STORE: 'azure',
      STORAGE_CONNECTION_STRING: azurite.connectionString,
      STATE_TABLE_NAME: 'twoinstances',
      JOBS_LEASE_CONTAINER: LEASE_CONTAINER,
    },
    `instance ${name}`,
  );
  return {
    name,
    url,
    child,
    output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const LEASE_TAKEN = `job lease ${JOB_RUNNER_LEASE} taken`;

/** A message in the coordinator's personal chat with the bot: it tells the bot nothing about the Team. */
function personalMessage(stack: Stack, text: string) {
  return {
    type: 'message',
    id: `msg-${randomUUID()}`,
    channelId: 'msteams',
    serviceUrl: stack.tenant.url,
    timestamp: new Date().toISOString(),
    from: { id: `29:${coordinator.id}`, name: coordinator.displayName, aadObjectId: coordinator.id },
    recipient: { id: `28:${stack.tenant.clientId}`, name: 'Plan- och bygg' },
    conversation: { id: `a:personal-${coordinator.id}`, conversationType: 'personal', tenantId: stack.tenant.tenantId },
    channelData: { tenant: { id: stack.tenant.tenantId } },
    text,
    textFormat: 'plain',
    locale: 'sv-SE',
  };
}

describe('two instances, one tenant, one Azure Storage (Azurite)', () => {
  let stack: Stack;
  let azurite: RunningAzurite;
  let graph: Client;
  let a: Instance;
  let b: Instance;
  const started = Date.now();

  const leaseState = async () =>
    (
      await BlobServiceClient.fromConnectionString(azurite.connectionString)
        .getContainerClient(LEASE_CONTAINER)
        .getBlobClient(JOB_RUNNER_LEASE)
        .getProperties()
    ).leaseState;

  async function addMeeting(title: string, daysAhead: number): Promise<void> {
    const app = stack.server.services.graph.forApp();
    const { siteId, listId } = await stack.server.services.site.list(app, 'meetings');
    const date = addDays(toIsoDate(new Date()), daysAhead);
    await app.createItem(siteId, listId, {
      Title: title,
      MeetingGroup: 'stodgrupp',
      StartDateTime: stockholmToUtc(date, '13:00'),
      EndDateTime: stockholmToUtc(date, '15:00'),
      Status: 'planerat',
    });
  }

  const remindersOf = async (title: string) =>
    (await postedActivities(stack.tenant, SEED_GENERAL_CHANNEL_ID))
      .map(activityCardText)
      .filter((text) => text.includes(title));

  beforeAll(async () => {
    [stack, azurite] = await Promise.all([startStack(), startAzurite()]);
    await stack.prepare();
    graph = await adminClient(stack.tenant);
    // A first, so that it is the one holding the job lease; B starts once A has it.
    a = await startInstance('a', stack, azurite);
    await until('A to take the job lease', async () => (a.output().includes(LEASE_TAKEN) ? true : undefined), 20_000);
    b = await startInstance('b', stack, azurite);
  }, 90_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await Promise.all([stack?.close(), azurite?.close()]);
    console.log(`two-instance test: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });

  it('a bot install seen by instance A lets instance B post news in General', async () => {
    expect((await postActivity(a.url, teamInstall(stack.tenant, coordinator))).status).toBeLessThan(300);
    const news = `Nyhet via instans B ${randomUUID()}`;
    const answered = await postActivity(b.url, personalMessage(stack, `nyhet ${news}`));
    expect(answered.status).toBeLessThan(300);
    const posted = (await generalMessages(graph)).filter((message) =>
      (message.attachments ?? []).some((attachment) => (attachment.content ?? '').includes(news)),
    );
    expect(posted).toHaveLength(1);
  });

  it('posts the 14-day reminder once although both instances run the jobs', async () => {
    const title = `Stödgruppen om fjorton dagar ${Date.now()}`;
    await addMeeting(title, 14);
    await until('the 14-day reminder', async () => ((await remindersOf(title)).length > 0 ? true : undefined), 15_000);
    // Both runners tick every 2 s; three more ticks each would have sent a second one.
    await new Promise((resolve) => setTimeout(resolve, 3 * JOBS_INTERVAL_SECONDS * 1000));
    const reminders = await remindersOf(title);
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toContain('14');
    // B has skipped every tick: A holds the lease.
    expect(b.output()).not.toContain(LEASE_TAKEN);
  });

  it('gives one kallelse for one idempotency key sent to A and then to B', async () => {
    const chair = await stack.token(CHAIR);
    const title = `Samverkansgruppen två instanser ${randomUUID().slice(0, 8)}`;
    const today = toIsoDate(new Date());
    const springYear = Number(today.slice(0, 4)) + (today.slice(5, 7) > '04' ? 1 : 0);
    const body = {
      group: 'samverkansgrupp',
      season: 'var',
      title,
      date: candidateDays(seasonWindow(springYear, 'var'))[5],
      startTime: '09:30',
      endTime: '12:00',
      room: 'Regionens hus, sal Vindeln',
      online: true,
      documents: [],
      idempotencyKey: randomUUID(),
    };
    const send = (instance: Instance) =>
      fetch(`${instance.url}/api/meetings`, {
        method: 'POST',
        headers: { authorization: `Bearer ${chair}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const first = await send(a);
    expect(first.status).toBe(201);
    const created = (await first.json()) as { meeting: { id: string; eventId: string } };
    const second = await send(b);
    expect(second.status).toBe(200);
    expect(((await second.json()) as { meeting: { id: string } }).meeting.id).toBe(created.meeting.id);

    const organizer = (await graph.api(`/users/${CHAIR}/events/${created.meeting.eventId}`).get()) as Event;
    const organizerCopies = (await graph
      .api(`/users/${CHAIR}/events`)
      .filter(`iCalUId eq '${organizer.iCalUId}'`)
      .get()) as { value: Event[] };
    expect(organizerCopies.value).toHaveLength(1);
    const attendees = (organizer.attendees ?? []).map((attendee) => String(attendee.emailAddress?.address));
    expect(attendees.length).toBeGreaterThan(3);
    const withMailbox = new Set(SEED_PEOPLE.filter((p) => p.xHasMailbox).map((p) => p.mail.toLowerCase()));
    for (const attendee of attendees.filter((mail) => withMailbox.has(mail.toLowerCase()))) {
      const copies = (await graph
        .api(`/users/${attendee}/events`)
        .filter(`iCalUId eq '${organizer.iCalUId}'`)
        .get()) as { value: Event[] };
      expect(copies.value).toHaveLength(1);
    }
    const outbox = (await (
      await control(stack.tenant, 'GET', `/outbox?iCalUId=${encodeURIComponent(String(organizer.iCalUId))}`)
    ).json()) as { value: { type: string; to: string }[] };
    const invitations = outbox.value.filter((message) => message.type === 'invitation').map((m) => m.to);
    expect(new Set(invitations).size).toBe(invitations.length);

    const records = await stack.server.services.meetings.records(stack.server.services.graph.forApp());
    expect(records.filter((record) => record.title === title)).toHaveLength(1);
  });

  it('lets B take over the jobs within the lease period when A is killed while holding the lease', async () => {
    expect(await leaseState()).toBe('leased');
    expect(a.output()).toContain(LEASE_TAKEN);
    const killed = Date.now();
    a.child.kill('SIGKILL');
    await new Promise((resolve) => a.child.once('exit', resolve));
    await until('B to take the job lease', async () => (b.output().includes(LEASE_TAKEN) ? true : undefined), 30_000);
    const takeoverMs = Date.now() - killed;
    console.log(`B took the job lease ${(takeoverMs / 1000).toFixed(1)} s after A was killed`);
    expect(takeoverMs).toBeLessThanOrEqual((LEASE_SECONDS + JOBS_INTERVAL_SECONDS + 3) * 1000);

    // And B now runs the reminders.
    const title = `Stödgruppen om två dagar ${Date.now()}`;
    await addMeeting(title, 2);
    await until(
      'the 2-day reminder from B',
      async () => ((await remindersOf(title)).length > 0 ? true : undefined),
      15_000,
    );
    expect(await remindersOf(title)).toHaveLength(1);
  });
});
