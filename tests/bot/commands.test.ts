import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Person } from '../../src/domain';
import {
  CHAIR,
  CHANNEL_ID,
  COORDINATOR,
  MEMBER,
  TEAM_GROUP_ID,
  TEAM_ID,
  cardExecute,
  cardOf,
  cardSubmit,
  cardText,
  channelMention,
  inMemoryDeps,
  people,
  personalConversationId,
  personalInstall,
  personalMessage,
  post,
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
});

afterAll(async () => {
  await server.close();
  await connector.close();
});

type Where = 'personal' | 'channel';

/** Sends what a person types, where they type it, and returns the text of the card the bot answers with. */
async function say(person: Person, where: Where, text: string): Promise<{ conversationId: string; text: string }> {
  const before = connector.activities.length;
  const activity =
    where === 'personal' ? personalMessage(connector.url, person, text) : channelMention(connector.url, person, text);
  const response = await post(server, activity);
  expect(response.status).toBe(200);
  const sent = await connector.waitFor(before + 1);
  const reply = sent[before]!;
  expect(reply.body.type).toBe('message');
  // Local mode without a token sends no Authorization header (never "Bearer null").
  expect(reply.authorization).toBeUndefined();
  return { conversationId: reply.conversationId, text: cardText(cardOf(reply)) };
}

const WHERE: Where[] = ['personal', 'channel'];

describe('replies go to the conversation they came from', () => {
  it.each(WHERE)('%s', async (where) => {
    const member = MEMBER();
    const { conversationId } = await say(member, where, 'möten');
    if (where === 'personal') expect(conversationId).toBe(personalConversationId(member));
    else expect(conversationId.startsWith(`${CHANNEL_ID};messageid=`)).toBe(true);
  });
});

describe('hjälp / help', () => {
  it.each(WHERE)('a member sees only what a member may do (%s)', async (where) => {
    const { text } = await say(MEMBER(), where, 'hjälp');
    expect(text).toContain('möten');
    expect(text).toContain('kontakter [kommun]');
    expect(text).not.toContain('nyhet <text>');
    expect(text).toContain('Samverkansgruppen');
  });

  it.each(WHERE)('the coordinator also sees nyhet and her permissions (%s)', async (where) => {
    const { text } = await say(COORDINATOR(), where, 'HELP');
    expect(text).toContain('nyhet <text>');
    expect(text).toContain('publicera nyheter');
    expect(text).toContain('bokföra utfall');
  });

  it('someone outside the contact list is told so', async () => {
    const stranger: Person = { ...MEMBER(), id: '00000000-0000-4000-8000-000000000000', displayName: 'Okänd' };
    const { text } = await say(stranger, 'personal', 'möten');
    expect(text).toContain('Du finns inte i samverkans kontaktlista');
    expect(text).not.toContain('Samverkansgruppen vårmöte');
  });
});

describe('möten / meetings', () => {
  it.each(WHERE)('lists upcoming meetings with the answers so far (%s)', async (where) => {
    const { text } = await say(MEMBER(), where, 'meetings');
    expect(text).toContain('Samverkansgruppen vårmöte 2026');
    // One line per meeting on a phone: when, what, answered (12 + 2 + 1) and not answered.
    expect(text).toContain('**ons 22 apr 09:00** Samverkansgruppen vårmöte 2026 – 15 har svarat, 3 har inte svarat');
    expect(text).toContain('Stödgruppen maj');
  });

  it('refuses arguments it does not take, with the help card', async () => {
    const { text } = await say(MEMBER(), 'channel', 'möten imorgon');
    expect(text).toContain('Kommandot möten tar inga argument (fick ”imorgon”).');
    expect(text).toContain('Plan- och byggsamverkan – hjälp');
  });
});

describe('kontakter / contacts', () => {
  it.each(WHERE)('lists everyone by organisation (%s)', async (where) => {
    const { text } = await say(MEMBER(), where, 'kontakter');
    expect(text).toContain('Kontaktlista');
    expect(text).toContain('Maria Bergström');
    expect(text).toContain('Karin Nordström');
    expect(text).toContain('Skellefteå');
  });

  it.each(WHERE)('narrows to one kommun, whatever its spelling (%s)', async (where) => {
    const { text } = await say(CHAIR(), where, 'contacts UMEA');
    expect(text).toContain('Kontakter – Umeå');
    expect(text).toContain('Erik Lundqvist');
    expect(text).not.toContain('Karin Nordström');
  });

  it('names an unknown kommun', async () => {
    const { text } = await say(MEMBER(), 'personal', 'kontakter Gotham');
    expect(text).toContain('Okänd kommun eller organisation: ”Gotham”');
  });
});

describe('lägesrapport / status', () => {
  it.each(WHERE)('shows this year by default (%s)', async (where) => {
    const { text } = await say(MEMBER(), where, 'lägesrapport');
    expect(text).toContain('Ekonomisk lägesrapport 2026');
    expect(text).toContain('Lönekostnad samordnare');
    expect(text).toContain('utfall 30\u00a0000,00\u00a0kr');
  });

  it.each(WHERE)('takes a year (%s)', async (where) => {
    const { text } = await say(COORDINATOR(), where, 'status 2025');
    expect(text).toContain('Ekonomisk lägesrapport 2025');
    expect(text).toContain('Det finns ingen budget för 2025.');
  });

  it('refuses a bad year', async () => {
    const { text } = await say(MEMBER(), 'channel', 'lägesrapport nästa');
    expect(text).toContain('Ange året med fyra siffror');
  });

  it('refuses someone without a role in the samverkan', async () => {
    const noRole = people().find((person) => person.roles.length === 0)!;
    const { text } = await say(noRole, 'personal', 'lägesrapport');
    expect(text).toContain('Du har inte behörighet att läsa rapporter.');
    expect(text).not.toContain('Ekonomisk lägesrapport');
  });
});

describe('aktiviteter / activities', () => {
  it.each(WHERE)('lists the year (%s)', async (where) => {
    const { text } = await say(MEMBER(), where, 'aktiviteter');
    expect(text).toContain('Aktiviteter – 2026');
    expect(text).toContain('Seminarium om brandsäkerhet');
    expect(text).toContain('Tillsynsprojekt OVK');
  });

  it.each(WHERE)('by month (%s)', async (where) => {
    const { text } = await say(MEMBER(), where, 'activities mars');
    expect(text).toContain('Aktiviteter – mars 2026');
    expect(text).toContain('Seminarium om brandsäkerhet');
    expect(text).toContain('500,00');
    expect(text).not.toContain('Tillsynsprojekt OVK');
  });

  it.each(WHERE)('by samverkansområde (%s)', async (where) => {
    const { text } = await say(MEMBER(), where, 'aktiviteter tillsynsprojekt');
    expect(text).toContain('Tillsynsprojekt OVK');
    expect(text).not.toContain('Seminarium om brandsäkerhet');
  });

  it('names what it could not read', async () => {
    const { text } = await say(MEMBER(), 'personal', 'aktiviteter 13');
    expect(text).toContain('”13” är varken en månad eller ett samverkansområde.');
  });
});

describe('unknown commands', () => {
  it.each(WHERE)('answer with the help card and what went wrong (%s)', async (where) => {
    const { text } = await say(MEMBER(), where, 'fika');
    expect(text).toContain('Okänt kommando: ”fika”.');
    expect(text).toContain('Plan- och byggsamverkan – hjälp');
  });

  it('kalla alone tells the coordinator how to write it, and refuses the chair (stödgruppen is the coordinator’s)', async () => {
    expect((await say(COORDINATOR(), 'personal', 'kalla')).text).toContain('kalla stödgruppen 2027-03-10 13:00');
    expect((await say(CHAIR(), 'personal', 'kalla')).text).toContain('kalla till stödgruppens möten');
  });
});

describe('nyhet / news', () => {
  beforeAll(async () => {
    const response = await post(server, teamInstall(connector.url, COORDINATOR()));
    expect(response.status).toBe(200);
  });

  it.each(WHERE)('a member is refused (%s)', async (where) => {
    const before = deps.news.length;
    const { text } = await say(MEMBER(), where, 'nyhet Fika på fredag');
    expect(text).toContain('Du har inte behörighet att publicera nyheter.');
    expect(deps.news.length).toBe(before);
  });

  it('the chair is refused too: news is the coordinator’s', async () => {
    const { text } = await say(CHAIR(), 'personal', 'news Hej');
    expect(text).toContain('Du har inte behörighet att publicera nyheter.');
  });

  it.each(WHERE)('the coordinator posts to the General channel and gets a confirmation (%s)', async (where) => {
    const newsText = `Ny vägledning om brandskydd (${where})`;
    const before = connector.activities.length;
    const activity =
      where === 'personal'
        ? personalMessage(connector.url, COORDINATOR(), `nyhet ${newsText}`)
        : channelMention(connector.url, COORDINATOR(), `nyhet ${newsText}`);
    expect((await post(server, activity)).status).toBe(200);
    const sent = (await connector.waitFor(before + 2)).slice(before);
    const inGeneral = sent.find((a) => a.conversationId === TEAM_ID);
    const confirmation = sent.find((a) => a !== inGeneral);
    expect(cardText(cardOf(inGeneral!))).toContain(newsText);
    expect(cardText(cardOf(inGeneral!))).toContain('Karin Nordström');
    expect(cardText(cardOf(confirmation!))).toContain('Nyheten är publicerad');
    expect(deps.news.at(-1)?.text).toBe(newsText);
    expect(deps.news.at(-1)?.by.email).toBe('karin.nordstrom@regionvasterbotten.se');
  });

  it('without text the coordinator gets the news form', async () => {
    const { text } = await say(COORDINATOR(), 'personal', 'nyhet');
    expect(text).toContain('Publicera en nyhet');
  });
});

describe('card actions', () => {
  it('Action.Execute answers with a card in the invoke response', async () => {
    const response = await post(server, cardExecute(connector.url, MEMBER(), 'command', { command: 'möten' }));
    expect(response.status).toBe(200);
    const body = response.body as { statusCode: number; type: string; value: unknown };
    expect(body.statusCode).toBe(200);
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(body.value)).toContain('Samverkansgruppen vårmöte 2026');
  });

  it('a refused Action.Execute answers with an error card, not silence', async () => {
    const before = deps.news.length;
    const response = await post(server, cardExecute(connector.url, MEMBER(), 'news.post', { text: 'Hej alla' }));
    const body = response.body as { statusCode: number; value: unknown };
    expect(body.statusCode).toBe(200);
    expect(cardText(body.value)).toContain('Du har inte behörighet att publicera nyheter.');
    expect(deps.news.length).toBe(before);
  });

  it('invalid card input is refused with the reason', async () => {
    const response = await post(server, cardExecute(connector.url, COORDINATOR(), 'news.post', { text: '   ' }));
    expect(cardText((response.body as { value: unknown }).value)).toContain('Skriv nyhetens text');
  });

  it('an unknown verb is refused', async () => {
    const response = await post(server, cardExecute(connector.url, COORDINATOR(), 'budget.delete', {}));
    expect(cardText((response.body as { value: unknown }).value)).toContain('Kortet skickade en okänd åtgärd.');
  });

  it('the coordinator posts news from the form (Action.Execute)', async () => {
    const before = connector.activities.length;
    const response = await post(
      server,
      cardExecute(connector.url, COORDINATOR(), 'news.post', { text: 'Nyhet från formuläret' }),
    );
    expect(cardText((response.body as { value: unknown }).value)).toContain('Nyheten är publicerad');
    const sent = await connector.waitFor(before + 1);
    expect(sent[before]!.conversationId).toBe(TEAM_ID);
    expect(cardText(cardOf(sent[before]!))).toContain('Nyhet från formuläret');
  });

  it('the Action.Submit fallback arrives as a message and is answered in the chat', async () => {
    const before = connector.activities.length;
    const response = await post(
      server,
      cardSubmit(connector.url, MEMBER(), { verb: 'command', command: 'kontakter umeå' }),
    );
    expect(response.status).toBe(200);
    const sent = await connector.waitFor(before + 1);
    expect(cardText(cardOf(sent[before]!))).toContain('Kontakter – Umeå');
  });
});

describe('installation', () => {
  it('a personal install stores the conversation and welcomes with the help card', async () => {
    const chair = CHAIR();
    const before = connector.activities.length;
    expect((await post(server, personalInstall(connector.url, chair))).status).toBe(200);
    const sent = await connector.waitFor(before + 1);
    expect(cardText(cardOf(sent[before]!))).toContain('Plan- och byggsamverkan – hjälp');
    const stored = await deps.conversations.findPersonal(chair.id);
    expect(stored?.conversationId).toBe(personalConversationId(chair));
    expect(stored?.serviceUrl).toBe(connector.url);
  });

  it('a team install stores the General channel, found by the team’s Graph (group) id only', async () => {
    const general = await deps.conversations.findTeamGeneral(TEAM_GROUP_ID);
    expect(general?.conversationId).toBe(TEAM_ID);
    expect(general?.aadGroupId).toBe(TEAM_GROUP_ID);
    // Graph calls need the group id; the Bot Framework id is no key for a Graph team.
    expect(await deps.conversations.findTeamGeneral(TEAM_ID)).toBeUndefined();
  });

  it('an uninstall forgets the team, and news then says there is no General channel', async () => {
    const uninstall = { ...teamInstall(connector.url, COORDINATOR()), action: 'remove' };
    expect((await post(server, uninstall)).status).toBe(200);
    expect(await deps.conversations.findTeamGeneral(TEAM_GROUP_ID)).toBeUndefined();
    const { text } = await say(COORDINATOR(), 'personal', 'nyhet Ingen ser detta');
    expect(text).toContain('Appen är inte installerad i samverkans team ännu');
  });
});
