import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from '@microsoft/microsoft-graph-client';
import { SEED_PEOPLE } from '../../infra/graph-emulator/src/index';
import { adminClient, CHAIR, COORDINATOR, MEMBER_GUEST } from '../../infra/graph-emulator/tests/support';
import { NEWS_REFUSAL } from '../../api/bot/commandRunner';
import { ACTIONS, addDays, allowedActions, isRole, stockholmToUtc, toIsoDate } from '../../src/domain';
import {
  SEED_GENERAL_CHANNEL_ID,
  activityCardText,
  cardText,
  generalChannelMessage,
  generalMessages,
  postActivity,
  postedActivities,
  seededUser,
  startStack,
  teamInstall,
  type PostedActivity,
  type Stack,
} from './support/stack';

const coordinator = seededUser(COORDINATOR);
const member = seededUser(MEMBER_GUEST);

/** Posts a command in General and returns what the bot posted there because of it. */
async function ask(stack: Stack, from: typeof coordinator, command: string): Promise<PostedActivity[]> {
  const before = (await postedActivities(stack.tenant, SEED_GENERAL_CHANNEL_ID)).length;
  const response = await postActivity(stack.url, generalChannelMessage(stack.tenant, from, command));
  expect(response.status).toBeLessThan(300);
  // The SDK answers the POST only after the handler has sent its reply, so the reply is there already.
  return (await postedActivities(stack.tenant, SEED_GENERAL_CHANNEL_ID)).slice(before);
}

describe('the server runs the Teams bot over the real services (local tenant, real HTTP)', () => {
  let stack: Stack;
  let graph: Client;

  beforeAll(async () => {
    stack = await startStack();
    await stack.prepare();
    graph = await adminClient(stack.tenant);
    // Teams tells the bot about the team when the app is added to it; that is how it learns General.
    const installed = await postActivity(stack.url, teamInstall(stack.tenant, coordinator));
    expect(installed.status).toBeLessThan(300);
  }, 60_000);
  afterAll(async () => stack?.close());

  it('answers hjälp from the coordinator in General with the coordinator actions', async () => {
    const replies = await ask(stack, coordinator, 'hjälp');
    expect(replies).toHaveLength(1);
    const text = activityCardText(replies[0]);
    expect(text).toContain(coordinator.displayName);
    const roles = SEED_PEOPLE.find((p) => p.id === coordinator.id)!.xRoles.filter(isRole);
    const coordinatorActions = allowedActions(roles).filter((action) => action !== 'report.read');
    expect(coordinatorActions).toContain('news.post');
    for (const action of coordinatorActions) expect(text).toContain(ACTIONS[action].description);
  });

  it('tells a member without the role only what a member may do', async () => {
    const text = activityCardText((await ask(stack, member, 'hjälp'))[0]);
    expect(text).toContain(member.displayName);
    expect(text).not.toContain(ACTIONS['news.post'].description);
  });

  it("posts the coordinator's nyhet in General, readable through Graph, and confirms it", async () => {
    const news = `Ny vägledning om brandskydd ${Date.now()}`;
    const replies = await ask(stack, coordinator, `nyhet ${news}`);
    // The news card itself and the confirmation, both in General (the command was written there).
    expect(replies.map(activityCardText).some((text) => text.includes(news))).toBe(true);
    const messages = await generalMessages(graph);
    const posted = messages.filter((message) =>
      (message.attachments ?? []).some((attachment) => (attachment.content ?? '').includes(news)),
    );
    expect(posted.length).toBeGreaterThanOrEqual(1);
    expect(posted[0]?.from?.application?.displayName).toBeTruthy();
    expect(posted[0]?.from?.user ?? null).toBeNull();
  });

  it("refuses a member's nyhet and posts nothing", async () => {
    const news = `Obehörig nyhet ${Date.now()}`;
    const replies = await ask(stack, member, `nyhet ${news}`);
    expect(replies).toHaveLength(1);
    expect(activityCardText(replies[0])).toContain(NEWS_REFUSAL);
    const messages = await generalMessages(graph);
    const withNews = messages.filter((message) =>
      (message.attachments ?? []).some((attachment) => {
        const card = attachment.content ? (JSON.parse(attachment.content) as unknown) : undefined;
        return cardText(card).includes(news) && !cardText(card).includes(NEWS_REFUSAL);
      }),
    );
    expect(withNews).toEqual([]);
  });

  it('lists the Umeå people of the Kontakter list for kontakter umeå, including one added there', async () => {
    // Added to the SharePoint list only: if the reply shows it, the bot read Kontakter.
    await stack.server.services.contacts.create(stack.server.services.graph.forApp(), {
      displayName: 'Tilda Listberg',
      email: 'tilda.listberg@umea.se',
      organisationId: 'umea',
      roles: ['arbetsgrupp'],
    });
    const text = activityCardText((await ask(stack, coordinator, 'kontakter umeå'))[0]);
    expect(text).toContain('Kontakter – Umeå');
    const umea = SEED_PEOPLE.filter((p) => p.xOrganisationId === 'umea').map((p) => p.displayName);
    expect(umea.length).toBeGreaterThanOrEqual(3);
    for (const name of [...umea, 'Tilda Listberg']) expect(text).toContain(name);
    const others = SEED_PEOPLE.filter((p) => p.xOrganisationId === 'skelleftea').map((p) => p.displayName);
    for (const name of others) expect(text).not.toContain(name);
  });

  it('answers möten from the Möten list and sends its reminder through the job runner once', async () => {
    const app = stack.server.services.graph.forApp();
    const { siteId, listId } = await stack.server.services.site.list(app, 'meetings');
    const date = addDays(toIsoDate(new Date()), 2);
    const title = `Stödgruppen avstämning ${Date.now()}`;
    await app.createItem(siteId, listId, {
      Title: title,
      MeetingGroup: 'stodgrupp',
      StartDateTime: stockholmToUtc(date, '13:00'),
      EndDateTime: stockholmToUtc(date, '15:00'),
      Status: 'planerat',
    });

    expect(activityCardText((await ask(stack, member, 'möten'))[0])).toContain(title);

    const before = (await postedActivities(stack.tenant, SEED_GENERAL_CHANNEL_ID)).length;
    const reports = await stack.server.jobs.runOnce();
    const meetingReport = reports.find((report) => report.job === 'meeting-reminder');
    expect(meetingReport?.sent).toHaveLength(1);
    expect(meetingReport?.sent[0]?.offsetDays).toBe(2);
    const reminders = (await postedActivities(stack.tenant, SEED_GENERAL_CHANNEL_ID)).slice(before);
    expect(reminders.map(activityCardText).filter((text) => text.includes(title))).toHaveLength(1);

    // A second run (or a restart) sends nothing twice: the journal remembers it.
    const again = await stack.server.jobs.runOnce();
    expect(again.find((report) => report.job === 'meeting-reminder')?.alreadySent).toHaveLength(1);
    expect((await postedActivities(stack.tenant, SEED_GENERAL_CHANNEL_ID)).length).toBe(before + reminders.length);
  });

  it('answers someone outside the contact list with a card saying so, not an error', async () => {
    const outsider = { id: '00000000-0000-4000-8000-000000000001', displayName: 'Okänd Person', mail: 'x@example.se' };
    const text = activityCardText((await ask(stack, outsider, 'hjälp'))[0]);
    expect(text).toContain('Du finns inte i samverkans kontaktlista');
  });

  it("answers the chair's lägesrapport (over no budget lines until the budget feature lands)", async () => {
    const chair = seededUser(CHAIR);
    const text = activityCardText((await ask(stack, chair, 'lägesrapport'))[0]);
    expect(text).toContain(`Ekonomisk lägesrapport ${new Date().getFullYear()}`);
  });
});
