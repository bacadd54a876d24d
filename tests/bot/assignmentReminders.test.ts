import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SqliteReminderJournal, type ReminderJournal } from '../../api/jobs/journal';
import { assignmentReminderJob, type AssignmentReminderSubject } from '../../api/jobs/assignmentReminders';
import type { ReminderDeps } from '../../api/jobs/reminders';
import {
  MEMBER,
  cardOf,
  cardText,
  fixedClock,
  inMemoryDeps,
  personalConversationId,
  personalInstall,
  post,
  startBotServer,
  startCapturingConnector,
  type BotServer,
  type CapturingConnector,
  type TestDeps,
} from './support';

/** Uppdrag reminders (#17) through the bot's proactive sender to a capturing Bot Framework connector. */
let connector: CapturingConnector;
let server: BotServer;
let deps: TestDeps;

beforeAll(async () => {
  connector = await startCapturingConnector();
  deps = inMemoryDeps();
  server = await startBotServer(deps);
  // The owner's chat is the one Teams told the bot about when they installed it.
  expect((await post(server, personalInstall(connector.url, MEMBER()))).status).toBe(200);
  await connector.waitFor(1); // the welcome card
});

afterAll(async () => {
  await server.close();
  await connector.close();
});

const journalFile = () => join(mkdtempSync(join(tmpdir(), 'assignment-reminders-')), 'journal.sqlite');

function subject(id: string, due: string, description: string): AssignmentReminderSubject {
  const member = MEMBER();
  return {
    row: { id, etag: `"{E${id}},1"`, description, ownerName: member.displayName, due, status: 'pagar' },
    recipients: [{ id: member.id, displayName: member.displayName }],
  };
}

function jobDeps(clockIso: string, journal: ReminderJournal, subjects: AssignmentReminderSubject[]): ReminderDeps {
  return {
    clock: fixedClock(clockIso),
    conversations: deps.conversations,
    proactive: server.handle.proactive,
    journal,
    listMeetings: async () => [],
    listPeople: async () => [],
    listOpenAssignments: async () => subjects,
  };
}

async function sentDuring(action: () => Promise<unknown>): Promise<string[]> {
  const before = connector.activities.length;
  await action();
  await new Promise((resolve) => setTimeout(resolve, 100));
  return connector.activities.slice(before).map((a) => `${a.conversationId}\n${cardText(cardOf(a))}`);
}

describe('uppdrag reminders in the owner’s chat', () => {
  const subjects = [subject('11', '2026-12-10', 'Ta fram underlag'), subject('12', '2026-12-01', 'Svara länet')];

  it('a week before and when overdue: one message each, however often the job runs', async () => {
    const file = journalFile();
    const sent = await sentDuring(async () => {
      const job = () =>
        assignmentReminderJob(jobDeps('2026-12-03T08:00:00Z', new SqliteReminderJournal(file), subjects));
      const first = await job().run();
      expect(first.sent.map((key) => key.subject)).toEqual([
        `assignment-11-2026-12-10-${MEMBER().id}`,
        `assignment-12-2026-12-01-${MEMBER().id}`,
      ]);
      expect(first.sent.map((key) => key.offsetDays)).toEqual([7, -1]);
      const second = await job().run();
      expect(second.sent).toEqual([]);
      expect(second.alreadySent).toHaveLength(2);
      // Later the same week: the week-before one is not repeated; the overdue one neither.
      await assignmentReminderJob(jobDeps('2026-12-08T08:00:00Z', new SqliteReminderJournal(file), subjects)).run();
    });
    expect(sent).toHaveLength(2);
    expect(sent.every((text) => text.startsWith(personalConversationId(MEMBER())))).toBe(true);
    expect(sent[0]).toContain('Påminnelse: uppdraget ska vara klart snart');
    expect(sent[0]).toContain('Snart: klart senast torsdag 10 december 2026 · Pågår');
    expect(sent[1]).toContain('Uppdraget är försenat');
    expect(sent[1]).toContain('Svara länet');
  });

  it('the day after the due date the overdue one follows the week-before one; a new due date reminds again', async () => {
    const file = journalFile();
    const one = [subject('21', '2026-12-10', 'Kartlägg risker')];
    const sent = await sentDuring(async () => {
      await assignmentReminderJob(jobDeps('2026-12-04T08:00:00Z', new SqliteReminderJournal(file), one)).run();
      await assignmentReminderJob(jobDeps('2026-12-11T08:00:00Z', new SqliteReminderJournal(file), one)).run();
      await assignmentReminderJob(jobDeps('2026-12-11T09:00:00Z', new SqliteReminderJournal(file), one)).run();
      // The samordnare moves the due date: the week-before reminder is due again for the new date.
      const moved = [subject('21', '2026-12-15', 'Kartlägg risker')];
      await assignmentReminderJob(jobDeps('2026-12-11T10:00:00Z', new SqliteReminderJournal(file), moved)).run();
      await assignmentReminderJob(jobDeps('2026-12-11T11:00:00Z', new SqliteReminderJournal(file), moved)).run();
    });
    expect(sent.map((text) => text.split('\n')[1])).toEqual([
      'Påminnelse: uppdraget ska vara klart snart',
      'Uppdraget är försenat',
      'Påminnelse: uppdraget ska vara klart snart',
    ]);
  });

  it('a crash between the send and its record does not send it again after the restart', async () => {
    const file = journalFile();
    const journal = new SqliteReminderJournal(file);
    // The process dies right after the connector took the message: markSent never runs.
    const dying: ReminderJournal = {
      claim: (key, at) => journal.claim(key, at),
      markSent: async () => undefined,
      release: (key) => journal.release(key),
      wasSent: (key) => journal.wasSent(key),
    };
    const one = [subject('31', '2026-12-01', 'Sammanställ enkäten')];
    const sent = await sentDuring(async () => {
      await assignmentReminderJob(jobDeps('2026-12-03T08:00:00Z', dying, one)).run();
      const restarted = await assignmentReminderJob(
        jobDeps('2026-12-03T09:00:00Z', new SqliteReminderJournal(file), one),
      ).run();
      expect(restarted.sent).toEqual([]);
      expect(restarted.alreadySent).toHaveLength(1);
    });
    expect(sent).toHaveLength(1);
  });

  it('a closed uppdrag and one without a chat to write to send nothing now; the latter is retried', async () => {
    const file = journalFile();
    const closed = {
      ...subject('41', '2026-12-05', 'Klart redan'),
      row: { ...subject('41', '2026-12-05', 'x').row, status: 'klart' as const },
    };
    const stranger = {
      ...subject('42', '2026-12-05', 'Utan chatt'),
      recipients: [{ id: 'no-chat', displayName: 'Ny person' }],
    };
    const report = await assignmentReminderJob(
      jobDeps('2026-12-03T08:00:00Z', new SqliteReminderJournal(file), [closed, stranger]),
    ).run();
    expect(report.sent).toEqual([]);
    expect(report.notSent.map((n) => n.reason)).toEqual(['no conversation to send to']);
  });
});
