import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SqliteReminderJournal } from '../../api/jobs/journal';
import { reminderJobs, type ReminderDeps } from '../../api/jobs/reminders';
import { createJobRunner } from '../../api/jobs/runner';
import { createProactiveSender } from '../../api/bot/proactive';
import { tabLinks } from '../../api/cards/links';
import type { Meeting } from '../../src/domain';
import {
  CHAIR,
  COORDINATOR,
  TEAM_ID,
  cardOf,
  cardText,
  fixedClock,
  inMemoryDeps,
  people,
  personalConversationId,
  personalInstall,
  post,
  seededMeetings,
  startBotServer,
  startCapturingConnector,
  teamInstall,
  type BotServer,
  type CapturingConnector,
  type TestDeps,
} from './support';

let connector: CapturingConnector;
let server: BotServer;
let deps: TestDeps;

beforeAll(async () => {
  connector = await startCapturingConnector();
  deps = inMemoryDeps();
  server = await startBotServer(deps);
  // The conversations the reminders go to are the ones Teams told the bot about when it was installed.
  expect((await post(server, teamInstall(connector.url, COORDINATOR()))).status).toBe(200);
  expect((await post(server, personalInstall(connector.url, CHAIR()))).status).toBe(200);
  await connector.waitFor(1); // the chair's welcome card
});

afterAll(async () => {
  await server.close();
  await connector.close();
});

function journalFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'reminders-')), 'journal.sqlite');
}

function reminderDeps(clockIso: string, file: string, meetings: Meeting[] = seededMeetings()): ReminderDeps {
  return {
    clock: fixedClock(clockIso),
    conversations: deps.conversations,
    proactive: server.handle.proactive,
    journal: new SqliteReminderJournal(file),
    listMeetings: async (range) => meetings.filter((m) => m.date >= range.start && m.date <= range.end),
    listPeople: async () => people(),
  };
}

function runnerFor(reminder: ReminderDeps) {
  return createJobRunner({ jobs: reminderJobs(reminder), intervalMs: 60_000 });
}

async function newActivities<T>(action: () => Promise<T>): Promise<ReturnType<typeof cardText>[]> {
  const before = connector.activities.length;
  await action();
  // Give a stray duplicate the chance to arrive before counting.
  await new Promise((resolve) => setTimeout(resolve, 100));
  return connector.activities
    .slice(before)
    .map((activity) => `${activity.conversationId}\n${cardText(cardOf(activity))}`);
}

describe('meeting reminders in the General channel', () => {
  it('14 days before: sent once, however often the job runs and even after a restart', async () => {
    const file = journalFile();
    const sent = await newActivities(async () => {
      const first = await runnerFor(reminderDeps('2026-04-08T05:00:00Z', file)).runOnce();
      expect(first.find((r) => r.job === 'meeting-reminder')?.sent).toEqual([
        { job: 'meeting-reminder', subject: 'm-var-2026', offsetDays: 14 },
      ]);
      const runner = runnerFor(reminderDeps('2026-04-08T09:00:00Z', file));
      await runner.runOnce();
      await Promise.all([runner.runOnce(), runner.runOnce()]);
      // A restart: a new runner over the same journal file.
      const restarted = await runnerFor(reminderDeps('2026-04-08T15:00:00Z', file)).runOnce();
      expect(restarted.find((r) => r.job === 'meeting-reminder')?.alreadySent).toHaveLength(1);
    });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain(TEAM_ID);
    expect(sent[0]).toContain('Påminnelse: möte om 14 dagar');
    expect(sent[0]).toContain('Samverkansgruppen vårmöte 2026');
    expect(sent[0]).toContain('onsdag 22 april 2026 kl. 09:00');
  });

  it('2 days before: the second reminder, once', async () => {
    const file = journalFile();
    const sent = await newActivities(async () => {
      await runnerFor(reminderDeps('2026-04-08T05:00:00Z', file)).runOnce();
      await runnerFor(reminderDeps('2026-04-20T05:00:00Z', file)).runOnce();
      await runnerFor(reminderDeps('2026-04-21T05:00:00Z', file)).runOnce();
    });
    expect(sent).toHaveLength(2);
    expect(sent[1]).toContain('Påminnelse: möte om 2 dagar');
  });

  it("links to the meeting's dagordning in the tab: a Teams deep link in tenant mode, the local tab locally (#16)", async () => {
    const actionsOf = async (links: ReminderDeps['tabLinks']) => {
      const before = connector.activities.length;
      await runnerFor({ ...reminderDeps('2026-04-20T05:00:00Z', journalFile()), tabLinks: links }).runOnce();
      await new Promise((resolve) => setTimeout(resolve, 100));
      const card = cardOf(connector.activities.slice(before)[0]!) as { actions?: { title: string; url?: string }[] };
      return card.actions ?? [];
    };
    const tenant = await actionsOf(tabLinks({ mode: 'tenant', publicUrl: 'https://pob.example', teamsAppId: 'app-1' }));
    expect(tenant[0]).toEqual({
      type: 'Action.OpenUrl',
      title: 'Dagordning och handlingar',
      url: `https://teams.microsoft.com/l/entity/app-1/moten?context=${encodeURIComponent('{"subEntityId":"moten/m-var-2026"}')}`,
    });
    const local = await actionsOf(tabLinks({ mode: 'local', publicUrl: 'http://localhost:3978', teamsAppId: '' }));
    expect(local[0]?.url).toBe('http://localhost:3978/#/moten/m-var-2026');
  });

  it('a server that was down at the 14-day mark sends only the 2-day reminder, and nothing on the day', async () => {
    const file = journalFile();
    const sent = await newActivities(async () => {
      await runnerFor(reminderDeps('2026-04-21T05:00:00Z', file)).runOnce();
      await runnerFor(reminderDeps('2026-04-22T05:00:00Z', file)).runOnce();
    });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('om 2 dagar');
  });

  it('a failed send is released and goes out on the next run', async () => {
    const file = journalFile();
    const broken = { ...reminderDeps('2026-04-08T05:00:00Z', file) };
    broken.proactive = createProactiveSender(async () => undefined);
    const general = await deps.conversations.findTeamGeneral();
    const store = deps.conversations;
    // The General channel's connector is unreachable (nothing listens on port 9 of this machine).
    broken.conversations = {
      save: (conversation) => store.save(conversation),
      remove: (id) => store.remove(id),
      get: (id) => store.get(id),
      findPersonal: (id) => store.findPersonal(id),
      list: () => store.list(),
      findTeamGeneral: async () => ({ ...general!, serviceUrl: 'http://127.0.0.1:9' }),
    };
    const failed = await runnerFor(broken).runOnce();
    expect(failed.find((r) => r.job === 'meeting-reminder')?.notSent).toHaveLength(1);
    const sent = await newActivities(() => runnerFor(reminderDeps('2026-04-08T06:00:00Z', file)).runOnce());
    expect(sent).toHaveLength(1);
  });
  it('a send whose answer was lost after the post (a 504, a reset) is kept as sent: one card, never again (#15)', async () => {
    for (const lost of [{ response: { status: 504 } }, { code: 'ECONNRESET' }]) {
      const file = journalFile();
      const lossy = { ...reminderDeps('2026-04-08T05:00:00Z', file) };
      const real = server.handle.proactive;
      lossy.proactive = {
        ...real,
        sendCard: async (conversation, card, summary) => {
          await real.sendCard(conversation, card, summary);
          throw Object.assign(new Error('answer lost'), lost);
        },
      };
      const sent = await newActivities(async () => {
        const first = await runnerFor(lossy).runOnce();
        expect(first.find((r) => r.job === 'meeting-reminder')?.sent).toHaveLength(1);
        const next = await runnerFor(reminderDeps('2026-04-08T06:00:00Z', file)).runOnce();
        expect(next.find((r) => r.job === 'meeting-reminder')?.alreadySent).toHaveLength(1);
      });
      expect(sent).toHaveLength(1);
    }
  });
});

describe('the chair is reminded to call the season’s samverkansgrupp meeting', () => {
  it('on 1 March, when the spring meeting is not called: to the chair’s personal chat, once', async () => {
    const file = journalFile();
    const noSpringMeeting = seededMeetings().filter((meeting) => meeting.group !== 'samverkansgrupp');
    const sent = await newActivities(async () => {
      await runnerFor(reminderDeps('2026-02-28T12:00:00Z', file, noSpringMeeting)).runOnce();
      await runnerFor(reminderDeps('2026-03-01T06:00:00Z', file, noSpringMeeting)).runOnce();
      await runnerFor(reminderDeps('2026-03-01T07:00:00Z', file, noSpringMeeting)).runOnce();
      await runnerFor(reminderDeps('2026-03-09T07:00:00Z', file, noSpringMeeting)).runOnce();
    });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain(personalConversationId(CHAIR()));
    expect(sent[0]).toContain('Dags att kalla till samverkansgruppens vårmöte 2026');
  });

  it('on 15 August for the autumn meeting', async () => {
    const sent = await newActivities(() => runnerFor(reminderDeps('2026-08-15T06:00:00Z', journalFile())).runOnce());
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('höstmöte 2026');
  });

  it('not when the meeting is already called', async () => {
    const sent = await newActivities(() => runnerFor(reminderDeps('2026-03-01T06:00:00Z', journalFile())).runOnce());
    expect(sent).toEqual([]);
  });
});
