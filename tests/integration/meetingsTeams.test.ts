import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Client } from '@microsoft/microsoft-graph-client';
import type { AadUserConversationMember, ChatMessage, Event } from '@microsoft/microsoft-graph-types';
import { CHAIR, COORDINATOR, MEMBER_GUEST, adminClient } from '../../infra/graph-emulator/tests/support';
import { SEED_TEAM_ID } from '../../infra/graph-emulator/src/resources/teams/ids';
import { addDays, candidateDays, seasonWindow, toIsoDate } from '../../src/domain';
import {
  SEED_GENERAL_CHANNEL_ID,
  activityCardText,
  cardText,
  control,
  generalChannelMessage,
  generalMessages,
  postActivity,
  postedActivities,
  seededUser,
  startStack,
  teamInstall,
  type SeededUser,
  type Stack,
} from './support/stack';

jest.setTimeout(120_000);

const STODGRUPP_MEMBER = 'anna.sjoberg@skelleftea.se';
const erik = seededUser(MEMBER_GUEST);
const anna = seededUser(STODGRUPP_MEMBER);
const maria = seededUser(CHAIR);
const karin = seededUser(COORDINATOR);

const today = toIsoDate(new Date());
const thisYear = Number(today.slice(0, 4));
const springYear = today.slice(5, 7) > '04' ? thisYear + 1 : thisYear;
const springDays = candidateDays(seasonWindow(springYear, 'var'));
const pastAutumnYear = today.slice(5, 7) >= '11' ? thisYear : thisYear - 1;
const pastAutumnDay = candidateDays(seasonWindow(pastAutumnYear, 'host'))[10] as string;

interface CardJson {
  body?: unknown[];
  actions?: { type: string; verb?: string; data?: Record<string, unknown>; fallback?: { type: string } }[];
}

interface InvokeAnswer {
  statusCode: number;
  type: string;
  value: CardJson;
}

async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

/** Teams' invoke for an Action.Execute on a card the bot posted in the General channel. */
function execute(stack: Stack, from: SeededUser, messageId: string, verb: string, data: Record<string, unknown>) {
  return {
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: `invoke-${randomUUID()}`,
    channelId: 'msteams',
    serviceUrl: stack.tenant.url,
    timestamp: new Date().toISOString(),
    from: { id: `29:${from.id}`, name: from.displayName, aadObjectId: from.id },
    recipient: { id: `28:${stack.tenant.clientId}`, name: 'Plan- och bygg' },
    replyToId: messageId,
    locale: 'sv-SE',
    conversation: {
      id: `${SEED_GENERAL_CHANNEL_ID};messageid=${messageId}`,
      conversationType: 'channel',
      isGroup: true,
      tenantId: stack.tenant.tenantId,
    },
    value: { action: { type: 'Action.Execute', verb, data } },
    channelData: {
      tenant: { id: stack.tenant.tenantId },
      team: { id: SEED_GENERAL_CHANNEL_ID, aadGroupId: SEED_TEAM_ID },
      channel: { id: SEED_GENERAL_CHANNEL_ID },
    },
  };
}

/** The bot being added in a person's own chat: from then on it may write to them there. */
function personalInstall(stack: Stack, person: SeededUser, conversationId: string) {
  return {
    type: 'conversationUpdate',
    id: `install-${randomUUID()}`,
    channelId: 'msteams',
    serviceUrl: stack.tenant.url,
    timestamp: new Date().toISOString(),
    from: { id: `29:${person.id}`, name: person.displayName, aadObjectId: person.id },
    recipient: { id: `28:${stack.tenant.clientId}`, name: 'Plan- och bygg' },
    membersAdded: [{ id: `28:${stack.tenant.clientId}` }],
    conversation: { id: conversationId, conversationType: 'personal', tenantId: stack.tenant.tenantId },
    channelData: { tenant: { id: stack.tenant.tenantId }, eventType: 'memberAdded' },
  };
}

function cardOf(message: ChatMessage): CardJson | undefined {
  const content = message.attachments?.[0]?.content;
  return typeof content === 'string' ? (JSON.parse(content) as CardJson) : undefined;
}

async function invoke(stack: Stack, activity: object): Promise<InvokeAnswer> {
  const response = await postActivity(stack.url, activity);
  expect(response.status).toBe(200);
  return json<InvokeAnswer>(response);
}

describe('meetings in Teams: poll card, reminder, justering card, dagordning, re-convening', () => {
  let stack: Stack;
  let graph: Client;
  let chair: string;
  let coordinator: string;
  let stodgrupp: string;

  beforeAll(async () => {
    stack = await startStack();
    await stack.prepare();
    expect((await postActivity(stack.url, teamInstall(stack.tenant, karin))).status).toBeLessThan(300);
    // An ersättare outside Teams: named in the reminder, not @mentioned.
    await stack.server.services.contacts.create(stack.server.services.graph.forApp(), {
      displayName: 'Ersättare Dorotea',
      email: 'ersattare@dorotea.se',
      organisationId: 'dorotea',
      roles: ['samverkansgrupp'],
    });
    graph = await adminClient(stack.tenant);
    [chair, coordinator, stodgrupp] = await Promise.all([
      stack.token(CHAIR),
      stack.token(COORDINATOR),
      stack.token(STODGRUPP_MEMBER),
    ]);
  });
  afterAll(async () => stack?.close());

  it('a new date poll is posted as a card in General; votes from the card are tallied per candidate and kommun', async () => {
    const candidates = [springDays[20], springDays[22], springDays[25]].map((day) => ({
      start: `${day}T09:00`,
      end: `${day}T12:00`,
    }));
    const created = await stack.call('/api/meetings/polls', {
      token: chair,
      method: 'POST',
      body: { group: 'samverkansgrupp', year: springYear, season: 'var', candidates, deadline: springDays[15] },
    });
    expect(created.status).toBe(201);
    const { poll, channelCard } = await json<{ poll: { id: string }; channelCard: { posted: boolean } }>(created);
    expect(channelCard.posted).toBe(true);

    const posts = (await generalMessages(graph)).filter((m) => {
      const card = cardOf(m);
      return card?.actions?.some((a) => a.verb === 'poll.vote' && a.data?.pollId === poll.id);
    });
    expect(posts).toHaveLength(1);
    const message = posts[0] as ChatMessage;
    const card = cardOf(message) as CardJson & { version: string };
    expect(card.version).toBe('1.5');
    const text = cardText(card);
    expect(text).toContain(`Datumomröstning – Samverkansgruppen ${springYear}`);
    const inputs = JSON.stringify(card.body);
    for (const id of ['k1', 'k2', 'k3']) expect(inputs).toContain(`"id":"${id}"`);
    expect(text.match(/Om det behövs/g)?.length).toBeGreaterThanOrEqual(3);
    expect(card.actions?.[0]).toMatchObject({
      type: 'Action.Execute',
      verb: 'poll.vote',
      fallback: { type: 'Action.Submit' },
    });

    // Teams merges the choice inputs into the action's data.
    const first = await invoke(
      stack,
      execute(stack, erik, String(message.id), 'poll.vote', { pollId: poll.id, k1: 'ja', k2: 'nej', k3: '' }),
    );
    expect(first.statusCode).toBe(200);
    expect(cardText(first.value)).toContain('ditt svar är sparat');
    expect(cardText(first.value)).toContain('Ja 1 · Om det behövs 0 · Nej 0 · 1 av');
    const second = await invoke(
      stack,
      execute(stack, anna, String(message.id), 'poll.vote', {
        pollId: poll.id,
        k1: 'ja',
        k2: 'om-det-behövs',
        k3: 'nej',
      }),
    );
    expect(cardText(second.value)).toContain('Ja 2 · Om det behövs 0 · Nej 0 · 2 av');
    expect(cardText(second.value)).toContain('2 har svarat.');

    const view = (
      await json<{
        poll: {
          voters: number;
          tally: { ja: number; omDetBehovs: number; nej: number; noAnswer: number; kommunerWithJa: string[] }[];
        };
      }>(await stack.call(`/api/meetings/polls/${poll.id}`, { token: chair }))
    ).poll;
    expect(view.voters).toBe(2);
    expect(view.tally.map((t) => [t.ja, t.omDetBehovs, t.nej, t.noAnswer])).toEqual([
      [2, 0, 0, 0],
      [0, 1, 1, 0],
      [0, 0, 1, 1],
    ]);
    expect(view.tally[0]?.kommunerWithJa.sort()).toEqual(['skelleftea', 'umea']);

    const invalid = await invoke(
      stack,
      execute(stack, erik, String(message.id), 'poll.vote', { pollId: poll.id, k1: 'kanske' }),
    );
    expect(cardText(invalid.value)).toContain('Svara Ja, Om det behövs eller Nej');
  });

  it('after the deadline a vote from the card is refused with an error card', async () => {
    const candidates = [springDays[30], springDays[31]].map((day) => ({ start: `${day}T09:00`, end: `${day}T12:00` }));
    const created = await stack.call('/api/meetings/polls', {
      token: chair,
      method: 'POST',
      body: { group: 'samverkansgrupp', year: springYear, season: 'var', candidates, deadline: addDays(today, -1) },
    });
    expect(created.status).toBe(201);
    const { poll } = await json<{ poll: { id: string } }>(created);
    const message = (await generalMessages(graph)).find((m) =>
      cardOf(m)?.body?.some((b) => JSON.stringify(b).includes('Omröstningen är stängd')),
    );
    expect(message).toBeDefined();
    const refused = await invoke(
      stack,
      execute(stack, erik, String(message?.id), 'poll.vote', { pollId: poll.id, k1: 'ja' }),
    );
    expect(cardText(refused.value)).toContain('Rösten kunde inte tas emot');
    expect(cardText(refused.value)).toContain('Svarstiden har gått ut');
    const view = await json<{ poll: { voters: number } }>(
      await stack.call(`/api/meetings/polls/${poll.id}`, { token: chair }),
    );
    expect(view.poll.voters).toBe(0);
  });

  it('a förslag from stödgruppen is on the next samverkansgrupp kallelse', async () => {
    const proposed = await stack.call('/api/activities', {
      token: stodgrupp,
      method: 'POST',
      body: {
        title: 'Seminarium om strandskydd',
        area: 'kompetensutveckling',
        targetGroups: ['kommuner'],
        startDate: springDays[40],
        endDate: springDays[40],
        responsibleOrganisationId: 'skelleftea',
        budgetedCostOre: 1_000_000,
        description: 'Heldag med Länsstyrelsen.',
      },
    });
    expect(proposed.status).toBe(201);
    const sent = await stack.call('/api/meetings', {
      token: chair,
      method: 'POST',
      body: {
        group: 'samverkansgrupp',
        season: 'var',
        date: springDays[5],
        startTime: '09:30',
        endTime: '12:00',
        room: 'Regionens hus',
        online: true,
        idempotencyKey: randomUUID(),
      },
    });
    expect(sent.status).toBe(201);
    const { meeting } = await json<{ meeting: { eventId: string; agendaText: string } }>(sent);
    const event = (await graph.api(`/users/${CHAIR}/events/${meeting.eventId}`).get()) as Event;
    expect(event.body?.content).toContain('Förslag från stödgruppen');
    expect(event.body?.content).toContain('Aktivitet: Seminarium om strandskydd');
    expect(event.body?.content).toContain('Heldag med Länsstyrelsen.');
    expect(meeting.agendaText).toMatch(/\d+\. Förslag från stödgruppen: .* – Aktivitet: Seminarium om strandskydd/);
  });

  it('the reminder @mentions the Teams members who have not answered, lists the others, once a day', async () => {
    const sent = await stack.call('/api/meetings', {
      token: chair,
      method: 'POST',
      body: {
        group: 'samverkansgrupp',
        season: 'var',
        date: springDays[8],
        startTime: '09:30',
        endTime: '12:00',
        room: 'Regionens hus',
        online: true,
        // The season's ordinary meeting is called by the test above: a second one is an extra möte (issue #16).
        extraMeeting: { reason: 'Påminnelseprov.' },
        idempotencyKey: randomUUID(),
      },
    });
    const { meeting } = await json<{ meeting: { id: string; eventId: string; title: string } }>(sent);
    await control(stack.tenant, 'POST', '/invitations/respond', {
      eventId: meeting.eventId,
      organizer: CHAIR,
      attendee: MEMBER_GUEST,
      response: 'accepted',
    });
    expect((await stack.call(`/api/meetings/${meeting.id}/remind`, { token: stodgrupp, method: 'POST' })).status).toBe(
      403,
    );

    const first = await stack.call(`/api/meetings/${meeting.id}/remind`, { token: chair, method: 'POST' });
    expect(first.status).toBe(200);
    const { reminder } = await json<{ reminder: { posted: boolean; mentioned: string[]; listed: string[] } }>(first);
    expect(reminder.posted).toBe(true);
    const again = await json<{ reminder: { posted: boolean; already: boolean } }>(
      await stack.call(`/api/meetings/${meeting.id}/remind`, { token: chair, method: 'POST' }),
    );
    expect(again.reminder).toMatchObject({ posted: false, already: true });

    // Who should be named how: the answers say who has not answered, the team who is in Teams.
    const answers = await json<{ notAnswered: { email: string; displayName: string }[] }>(
      await stack.call(`/api/meetings/${meeting.id}/answers`, { token: chair }),
    );
    expect(answers.notAnswered.map((p) => p.email)).not.toContain(MEMBER_GUEST);
    const members = (await graph.api(`/teams/${SEED_TEAM_ID}/members`).get()) as {
      value: AadUserConversationMember[];
    };
    const inTeam = new Set(members.value.map((m) => m.userId));
    const inTeamByEmail = (email: string) => email !== 'ersattare@dorotea.se' && inTeam.has(seededUser(email).id);
    const expectMentioned = answers.notAnswered.filter((p) => inTeamByEmail(p.email)).map((p) => p.displayName);
    const expectListed = answers.notAnswered.filter((p) => !inTeamByEmail(p.email)).map((p) => p.displayName);
    expect(expectMentioned.length).toBeGreaterThan(0);
    expect(expectListed.length).toBeGreaterThan(0);

    const posts = (await generalMessages(graph)).filter((m) => m.body?.content?.includes('Påminnelse'));
    expect(posts).toHaveLength(1);
    const post = posts[0] as ChatMessage;
    expect(post.body?.content).toContain(meeting.title);
    expect((post.mentions ?? []).map((m) => m.mentionText).sort()).toEqual([...expectMentioned].sort());
    expect((post.mentions ?? []).map((m) => m.mentioned?.user?.id).sort()).toEqual(
      answers.notAnswered
        .filter((p) => inTeamByEmail(p.email))
        .map((p) => seededUser(p.email).id)
        .sort(),
    );
    for (const name of expectListed) expect(post.body?.content).toContain(name);
    expect(post.body?.content).toContain('Ersättare Dorotea (Dorotea)');
    expect(post.body?.content).not.toContain(seededUser(MEMBER_GUEST).displayName);
    expect(reminder.mentioned.sort()).toEqual([...expectMentioned].sort());
  });

  it('justering in order (#16): the secretary, the chair, then each justerare gets a card when it is their turn; the fourth approval locks it; a second press answers the card as it is (#15)', async () => {
    const erikChat = `a:personal-${erik.id}`;
    expect((await postActivity(stack.url, personalInstall(stack, erik, erikChat))).status).toBeLessThan(300);
    const sent = await stack.call('/api/meetings', {
      token: chair,
      method: 'POST',
      body: {
        group: 'samverkansgrupp',
        season: 'host',
        date: pastAutumnDay,
        startTime: '09:30',
        endTime: '12:00',
        room: 'Regionens hus',
        online: true,
        idempotencyKey: randomUUID(),
      },
    });
    const held = (await json<{ meeting: { id: string; title: string } }>(sent)).meeting;
    const rows = [CHAIR, COORDINATOR, MEMBER_GUEST, STODGRUPP_MEMBER].map((email) => ({ email, present: true }));
    expect(
      (await stack.call(`/api/meetings/${held.id}/attendance`, { token: coordinator, method: 'PUT', body: { rows } }))
        .status,
    ).toBe(200);
    expect(
      (
        await stack.call(`/api/meetings/${held.id}/decisions`, {
          token: coordinator,
          method: 'POST',
          body: { kind: 'budget', text: 'Budgeten fastställs enligt förslaget.' },
        })
      ).status,
    ).toBe(201);
    const draft = { secretaryEmail: COORDINATOR, chairEmail: CHAIR, adjusterEmails: [MEMBER_GUEST, STODGRUPP_MEMBER] };
    const drafted = await stack.call(`/api/meetings/${held.id}/protocol`, {
      token: coordinator,
      method: 'PUT',
      body: draft,
    });
    expect(drafted.status).toBe(200);
    const { approvalCards } = await json<{ approvalCards: { email: string; where: string }[] }>(drafted);
    // Only the secretary, whose turn it is, gets a card; a save of the same version posts none again.
    expect(approvalCards).toEqual([{ email: COORDINATOR, where: 'general' }]);
    const approvalCardsFor = async (person: SeededUser) =>
      (await generalMessages(graph)).filter(
        (m) =>
          cardOf(m)?.actions?.some((a) => a.verb === 'protocol.approve' && a.data?.meetingId === held.id) &&
          cardText(cardOf(m)).includes(`${person.displayName}, `),
      );
    const [secretaryCard] = await approvalCardsFor(karin);
    expect(cardText(cardOf(secretaryCard as ChatMessage))).toContain('du är sekreterare: godkänn protokollet först.');
    const oldData = cardOf(secretaryCard as ChatMessage)?.actions?.[0]?.data as Record<string, unknown>;
    const secretaryMessage = String(secretaryCard?.id);
    const approvals = async () =>
      (
        await json<{ protocol: { status: string; approvals: { personId: string }[]; version: number } }>(
          await stack.call(`/api/meetings/${held.id}/protocol`, { token: chair }),
        )
      ).protocol;

    // A redraft withdraws nothing yet, but is a new version: its round starts again with one new card.
    const redrafted = await stack.call(`/api/meetings/${held.id}/protocol`, {
      token: coordinator,
      method: 'PUT',
      body: { ...draft, adjusterEmails: [STODGRUPP_MEMBER, MEMBER_GUEST] },
    });
    expect(redrafted.status).toBe(200);
    expect(await approvalCardsFor(karin)).toHaveLength(2);
    const current = (await approvals()).version;
    expect(current).toBe(Number(oldData.version) + 1);

    // The old card pressed after the redraft: no approval, the refreshed card with the new version's button.
    const old = await invoke(stack, execute(stack, karin, secretaryMessage, 'protocol.approve', oldData));
    expect(cardText(old.value)).toContain('Protokollet har ändrats – godkänn den nya versionen.');
    expect(old.value.actions?.[0]?.data).toEqual({ meetingId: held.id, version: current });
    expect((await approvals()).approvals).toEqual([]);

    // Out of turn: the chair before the secretary is refused.
    const newData = { meetingId: held.id, version: current };
    const early = await invoke(stack, execute(stack, maria, secretaryMessage, 'protocol.approve', newData));
    expect(cardText(early.value)).toContain('Sekreteraren godkänner protokollet först.');

    // The secretary presses the refreshed card twice: one approval, the second answer the card as it now is.
    const first = await invoke(stack, execute(stack, karin, secretaryMessage, 'protocol.approve', newData));
    expect(cardText(first.value)).toMatch(/Tack .+, du godkände protokollet .+ kl\. \d\d:\d\d\./);
    const second = await invoke(stack, execute(stack, karin, secretaryMessage, 'protocol.approve', newData));
    expect(cardText(second.value)).toMatch(/Du godkände protokollet .+ kl\. \d\d:\d\d\./);
    expect(cardText(second.value)).toContain(`Ordförande: ${maria.displayName}\nhar inte godkänt ännu`);
    expect(second.value.actions ?? []).toHaveLength(0);
    expect((await approvals()).approvals.map((a) => a.personId)).toEqual([COORDINATOR]);

    // Now the chair's card, once, whatever the presses.
    const chairCards = await approvalCardsFor(maria);
    expect(chairCards).toHaveLength(1);
    expect(cardText(cardOf(chairCards[0] as ChatMessage))).toContain('nu är det din tur som ordförande');
    const adjusterTooEarly = await invoke(stack, execute(stack, erik, secretaryMessage, 'protocol.approve', newData));
    expect(cardText(adjusterTooEarly.value)).toContain('Ordföranden godkänner protokollet innan justerarna justerar.');
    const byChair = await invoke(stack, execute(stack, maria, String(chairCards[0]?.id), 'protocol.approve', newData));
    expect(cardText(byChair.value)).toContain('du godkände protokollet');

    // Then both justerare: Erik in his chat with the bot, Anna in General by name.
    const inChat = (await postedActivities(stack.tenant, erikChat)).filter((a) =>
      activityCardText(a).includes('Justera protokollet'),
    );
    expect(inChat).toHaveLength(1);
    expect(activityCardText(inChat[0])).toContain(held.title);
    expect(activityCardText(inChat[0])).toContain('Budgeten fastställs enligt förslaget.');
    const annaCards = await approvalCardsFor(anna);
    expect(annaCards).toHaveLength(1);
    expect(cardText(cardOf(annaCards[0] as ChatMessage))).toContain(`${anna.displayName}, du är justerare`);
    const messageId = String(annaCards[0]?.id);

    const byErik = await invoke(stack, execute(stack, erik, messageId, 'protocol.approve', newData));
    expect(cardText(byErik.value)).toMatch(new RegExp(`Justerare: ${erik.displayName}\\ngodkände `));
    expect((await approvals()).status).toBe('utkast');
    const byAnna = await invoke(stack, execute(stack, anna, messageId, 'protocol.approve', newData));
    expect(cardText(byAnna.value)).toContain('Protokollet är justerat');
    expect(byAnna.value.actions ?? []).toHaveLength(0);
    // The card's approval runs as the app: its filing of the archive is left to the samordnare, who files it once.
    const filed = await stack.call(`/api/meetings/${held.id}/archive`, {
      token: coordinator,
      method: 'POST',
      body: {},
    });
    if (filed.status !== 200) console.log(await filed.clone().text());
    expect(filed.status).toBe(200);
    const { meeting: archived } = await json<{ meeting: { archiveUrl?: string } }>(filed);
    expect(archived.archiveUrl).toMatch(/^https?:\/\//);
    const again = await stack.call(`/api/meetings/${held.id}/archive`, {
      token: coordinator,
      method: 'POST',
      body: {},
    });
    expect((await json<{ meeting: { archiveUrl?: string } }>(again)).meeting.archiveUrl).toBe(archived.archiveUrl);
    const locked = await approvals();
    expect(locked.status).toBe('justerat');
    expect(locked.approvals.map((a) => a.personId)).toEqual([COORDINATOR, CHAIR, MEMBER_GUEST, STODGRUPP_MEMBER]);
    const meeting = await json<{ meeting: { status: string } }>(
      await stack.call(`/api/meetings/${held.id}`, { token: chair }),
    );
    expect(meeting.meeting.status).toBe('genomfort');

    // An old card pressed after the lock: the card as it is, no error, nothing recorded.
    const late = await invoke(stack, execute(stack, erik, messageId, 'protocol.approve', oldData));
    expect(cardText(late.value)).toContain('Protokollet är justerat.');
    expect(cardText(late.value)).toMatch(/Du godkände protokollet .+ kl\. \d\d:\d\d\./);
    expect(late.value.actions ?? []).toHaveLength(0);
    expect((await approvals()).approvals).toHaveLength(4);
  });

  it('kalla stödgruppen again after a cancellation convenes anew instead of answering "already sent"', async () => {
    const day = springDays[12] as string;
    const ask = async (command: string) => {
      const before = (await postedActivities(stack.tenant, SEED_GENERAL_CHANNEL_ID)).length;
      await postActivity(stack.url, generalChannelMessage(stack.tenant, karin, command));
      const replies = (await postedActivities(stack.tenant, SEED_GENERAL_CHANNEL_ID)).slice(before);
      return activityCardText(replies[replies.length - 1]);
    };
    expect(await ask(`kalla stödgruppen ${day} 13:00`)).toContain('Kallelsen är skickad');
    const records = async () =>
      (
        await json<{ meetings: { id: string; group: string; date: string; status: string; eventId: string }[] }>(
          await stack.call('/api/meetings/records', { token: coordinator }),
        )
      ).meetings.filter((m) => m.group === 'stodgrupp' && m.date === day);
    const [first] = await records();
    const cancelled = await stack.call(`/api/meetings/${first?.id}/cancel`, {
      token: coordinator,
      method: 'POST',
      body: { comment: 'Lokalen är upptagen.' },
    });
    expect(cancelled.status).toBe(200);

    expect(await ask(`kalla stödgruppen ${day} 13:00`)).toContain('Kallelsen är skickad');
    expect(await ask(`kalla stödgruppen ${day} 13:00`)).toContain('Kallelsen var redan skickad');
    const after = await records();
    expect(after.map((m) => m.status).sort()).toEqual(['installt', 'planerat']);
    const renewed = after.find((m) => m.status === 'planerat');
    expect(renewed?.eventId).not.toBe(first?.eventId);
    const event = (await graph.api(`/users/${COORDINATOR}/events/${renewed?.eventId}`).get()) as Event;
    expect(event.isCancelled).not.toBe(true);
  });
});
