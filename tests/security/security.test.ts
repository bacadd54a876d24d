import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { JWTPayload } from 'jose';
import { toIsoDate } from '../../src/domain';
import { pino } from 'pino';
import {
  ACTIONS,
  ACTION_IDS,
  ROLES,
  createMeeting,
  type ActionId,
  type Organisation,
  type Role,
} from '../../src/domain';
import {
  contactsCard,
  errorCard,
  meetingConvenedCard,
  meetingReminderCard,
  meetingsCard,
  newsCard,
  newsPostedCard,
  outcomeBookedCard,
  pollCard,
  protocolApprovalCard,
  refusalCard,
} from '../../api/cards/cards';
import { welcomeCard, workingGroupsListCard } from '../../api/services/workingGroups';
import { CHAIR, COORDINATOR } from '../../infra/graph-emulator/tests/support';

import {
  PERSONAS,
  SuiteTable,
  askBot,
  changedKinds,
  closeFingerprints,
  describeFailures,
  fingerprint,
  notSwedish,
  personaRefused,
  personaWith,
  refusalCase,
  send,
  startSecurityStack,
  type HttpCase,
  type SecurityStack,
} from './support';
import { tokenClasses } from './tokens';
import { boundsRoutes, botBoundsCases, casesOf, type CorpusIds } from './boundsCorpus';
import {
  SEED_GENERAL_CHANNEL_ID,
  SEED_TEAM_ID,
  generalChannelMessage,
  postActivity,
  postedActivities,
  seededUser,
} from '../integration/support/stack';

jest.setTimeout(120_000);

/**
 * The security suite: the token matrix, the escalation matrix generated from the authorisation table, the
 * injection corpus and the logs, against the real server over HTTP and the local tenant. Every case counts
 * as accepted (2xx), 5xx, changed-after-refusal (the tenant's documents differ) and not-Swedish; all must be
 * 0. The table is printed at the end.
 */

const table = new SuiteTable();
const logLines: string[] = [];
let stack: SecurityStack;
/** What changes in the tenant with any bot answer (the reply in General): left out when a bot case compares. */
let botReplyKinds: Set<string>;

beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString());
      done();
    },
  });
  const logger = pino({ level: 'debug' }, sink);
  stack = await startSecurityStack({ logger }, { LOG_LEVEL: 'debug' });
  // Every persona signs in once, so that first-sign-in work is not counted as a change after a refusal.
  for (const persona of PERSONAS)
    await send(stack, { method: 'GET', path: '/api/me' }, await stack.tokenOf(persona.mail));
  const probe = fingerprint(stack.dbFile);
  await askBot(stack, personaWith(['samverkansgrupp']).mail, 'hjälp');
  botReplyKinds = new Set(changedKinds(probe, fingerprint(stack.dbFile)));
}, 120_000);

afterAll(async () => {
  console.log(table.render());
  closeFingerprints();
  await stack?.close();
});

function optionalSwedish(body: unknown): { notSwedish?: string } {
  const reason = notSwedish(body);
  return reason ? { notSwedish: reason } : {};
}

function expectClean(klass: string): void {
  const failures = table.failures(klass);
  expect(table.of(klass).length).toBeGreaterThan(0);
  expect(describeFailures(failures)).toBe('');
}

// ------------------------------------------------------------------ tokens

/** One route per router (a read where the router has one), and one write. */
const ROUTE_PER_ROUTER: HttpCase[] = [
  { method: 'GET', path: '/api/me' },
  { method: 'GET', path: '/api/people' },
  { method: 'GET', path: '/api/meetings/records' },
  { method: 'GET', path: '/api/activities' },
  { method: 'GET', path: '/api/budget?year=2027' },
  { method: 'GET', path: '/api/decisions' },
  { method: 'GET', path: '/api/working-groups' },
  { method: 'POST', path: '/api/budget/lines', body: { year: 2027, category: 'ovrigt', name: 'x', amountOre: 100 } },
];

describe('token matrix', () => {
  it('accepts none of the forged or invalid token classes on any router, with 401/403 in Swedish', async () => {
    const [, payload] = (await stack.tokenOf(CHAIR)).split('.');
    const valid = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as JWTPayload;
    const classes = await tokenClasses(stack.tenant, valid);
    expect(classes.length).toBeGreaterThanOrEqual(40);
    for (const tokenClass of classes) {
      const header = await tokenClass.header();
      for (const route of ROUTE_PER_ROUTER) {
        await refusalCase(
          table,
          stack,
          'tokens',
          `${tokenClass.name} → ${route.method} ${route.path}`,
          { ...route, headers: header === undefined ? {} : { authorization: header } },
          undefined,
          { expectStatus: [401, 403] },
        );
      }
    }
    expectClean('tokens');
  });

  it('still accepts the genuine token (the matrix tests the checks, not a broken server)', async () => {
    const response = await send(stack, { method: 'GET', path: '/api/me' }, await stack.tokenOf(CHAIR));
    expect(response.status).toBe(200);
  });
});

// ------------------------------------------------------------------ escalation

interface WriteRoute extends HttpCase {
  /** The actions of ACTIONS that may do this; anyone with none of their roles must be refused. */
  actions: ActionId[];
}

const YEAR = 2027;
const WRITE_ROUTES: WriteRoute[] = [
  { actions: ['contacts.edit'], method: 'PATCH', path: '/api/people/1', body: { title: 'Chef' } },
  {
    actions: ['stodgrupp.kalla'],
    method: 'POST',
    path: '/api/meetings/plan',
    body: { group: 'stodgrupp', from: '2027-02-01', to: '2027-02-28' },
  },
  {
    actions: ['samverkansgrupp.plan'],
    method: 'POST',
    path: '/api/meetings/plan',
    body: { group: 'samverkansgrupp', from: '2027-04-01', to: '2027-05-31' },
  },
  {
    actions: ['stodgrupp.kalla'],
    method: 'POST',
    path: '/api/meetings',
    body: { group: 'stodgrupp', title: 'Stödgruppen', date: '2027-02-10', startTime: '09:00', endTime: '11:00' },
  },
  {
    actions: ['samverkansgrupp.kalla'],
    method: 'POST',
    path: '/api/meetings',
    body: { group: 'samverkansgrupp', title: 'Vårmöte', date: '2027-04-14', startTime: '09:00', endTime: '12:00' },
  },
  {
    actions: ['samverkansgrupp.plan', 'stodgrupp.kalla'],
    method: 'POST',
    path: '/api/meetings/polls',
    body: { group: 'stodgrupp', title: 'Omröstning', candidates: ['2027-02-10', '2027-02-11'] },
  },
  {
    actions: ['samverkansgrupp.plan', 'stodgrupp.kalla'],
    method: 'POST',
    path: '/api/meetings/polls/p1/close',
    body: {},
  },
  {
    actions: ['stodgrupp.kalla'],
    method: 'POST',
    path: '/api/meetings/drafts',
    body: { group: 'stodgrupp', year: 2027 },
  },
  {
    actions: ['samverkansgrupp.plan'],
    method: 'POST',
    path: '/api/meetings/drafts',
    body: { group: 'samverkansgrupp', year: 2027, season: 'var' },
  },
  {
    actions: ['samverkansgrupp.plan', 'stodgrupp.kalla'],
    method: 'PUT',
    path: '/api/meetings/drafts/m1/agenda',
    body: { items: [] },
  },
  {
    actions: ['samverkansgrupp.plan', 'stodgrupp.kalla'],
    method: 'POST',
    path: '/api/meetings/drafts/m1/items/p1/documents?name=a.pdf',
    body: {},
  },
  {
    actions: ['samverkansgrupp.plan', 'stodgrupp.kalla'],
    method: 'DELETE',
    path: '/api/meetings/drafts/m1/items/p1/documents/f1',
  },
  { actions: ['meeting.reschedule'], method: 'POST', path: '/api/meetings/m1/reschedule', body: {} },
  { actions: ['meeting.cancel'], method: 'POST', path: '/api/meetings/m1/cancel', body: {} },
  { actions: ['samverkansgrupp.kalla', 'stodgrupp.kalla'], method: 'POST', path: '/api/meetings/m1/remind', body: {} },
  { actions: ['meeting.attendance'], method: 'PUT', path: '/api/meetings/m1/attendance', body: { present: [] } },
  { actions: ['decision.record'], method: 'POST', path: '/api/meetings/m1/decisions', body: { text: 'Beslut' } },
  { actions: ['decision.record'], method: 'PUT', path: '/api/meetings/m1/protocol', body: {} },
  // A protokoll's approval, or the fastställande of stödgruppen's minnesanteckningar (#16).
  {
    actions: ['protocol.approve', 'minutes.confirm'],
    method: 'POST',
    path: '/api/meetings/m1/protocol/approve',
    body: {},
  },
  { actions: ['decision.record'], method: 'POST', path: '/api/meetings/m1/archive', body: {} },
  {
    actions: ['activity.propose'],
    method: 'POST',
    path: '/api/activities',
    body: { title: 'Kurs', area: 'information', startDate: '2027-03-01', endDate: '2027-03-01', targetGroups: [] },
  },
  {
    actions: ['activity.propose', 'activity.decide'],
    method: 'PATCH',
    path: '/api/activities/1',
    body: { title: 'x' },
  },
  { actions: ['activity.decide'], method: 'POST', path: '/api/activities/1/decision', body: {} },
  { actions: ['activity.decide'], method: 'POST', path: '/api/activities/1/status', body: { to: 'genomford' } },
  { actions: ['activity.evaluate'], method: 'POST', path: '/api/activities/1/evaluation', body: {} },
  // Funders' figures (#17): Ämnestaggar are the samordnare's, and so are the participant counts.
  { actions: ['activity.decide'], method: 'POST', path: '/api/topic-tags', body: { name: 'Buller' } },
  { actions: ['activity.decide'], method: 'PATCH', path: '/api/topic-tags/1', body: { retired: true } },
  { actions: ['activity.evaluate'], method: 'POST', path: '/api/activities/1/participants', body: {} },
  { actions: ['proposal.create'], method: 'PUT', path: `/api/operating-plan/${YEAR}`, body: {} },
  { actions: ['decision.record'], method: 'POST', path: `/api/operating-plan/${YEAR}/decision`, body: {} },
  {
    actions: ['budget.edit'],
    method: 'POST',
    path: '/api/budget/lines',
    body: { year: YEAR, category: 'ovrigt', name: 'Rad', amountOre: 100 },
  },
  { actions: ['budget.edit'], method: 'PATCH', path: '/api/budget/lines/1', body: { amountOre: 200 } },
  {
    actions: ['outcome.book'],
    method: 'POST',
    path: '/api/budget/outcomes',
    body: { budgetLineId: '1', amountOre: 100, date: '2027-02-01', text: 'x' },
  },
  { actions: ['time.log'], method: 'POST', path: '/api/coordinator-time', body: { date: '2027-02-01', hours: 1 } },
  { actions: ['decision.record'], method: 'POST', path: '/api/decisions', body: { text: 'Beslut' } },
  { actions: ['decision.record'], method: 'PATCH', path: '/api/decisions/1/follow-up', body: { status: 'klar' } },
  { actions: ['workinggroup.appoint'], method: 'POST', path: '/api/working-groups', body: { name: 'Grupp' } },
  { actions: ['workinggroup.appoint'], method: 'POST', path: '/api/working-groups/1/resume', body: {} },
  { actions: ['workinggroup.members'], method: 'POST', path: '/api/working-groups/1/members', body: { personId: '1' } },
  { actions: ['workinggroup.members'], method: 'DELETE', path: '/api/working-groups/1/members/1' },
  {
    actions: ['workinggroup.members'],
    method: 'POST',
    path: '/api/working-groups/1/channel-difference/accept',
    body: { userId: 'u' },
  },
  {
    actions: ['workinggroup.members'],
    method: 'POST',
    path: '/api/working-groups/1/channel-difference/undo',
    body: { userId: 'u' },
  },
  { actions: ['workinggroup.end'], method: 'POST', path: '/api/working-groups/1/end', body: { finalReport: 'x' } },
  { actions: ['assignment.delegate'], method: 'POST', path: '/api/decisions/1/assignments', body: {} },
];

const BOT_COMMANDS: { actions: ActionId[]; command: string }[] = [
  { actions: ['news.post'], command: 'nyhet Obehörig nyhet' },
  { actions: ['workinggroup.appoint'], command: 'arbetsgrupp ny' },
  { actions: ['outcome.book'], command: 'utfall 100 Obehörigt utfall' },
  { actions: ['stodgrupp.kalla'], command: 'kalla stödgruppen 2027-02-10 09:00' },
];

/** Every role (and no role) that none of the actions allows, each with a seeded person who has it. */
function refusedPersonas(actions: ActionId[]): { role: Role | 'ingen'; mail: string }[] {
  const allowed = [...new Set(actions.flatMap((action) => ACTIONS[action].roles as readonly Role[]))];
  const refused: (Role | 'ingen')[] = [...ROLES.filter((role) => !allowed.includes(role)), 'ingen'];
  return refused.flatMap((role) => {
    const persona = personaRefused(role, allowed);
    return persona ? [{ role, mail: persona.mail }] : [];
  });
}

describe('escalation matrix, generated from the authorisation table', () => {
  it('covers every action that changes anything', () => {
    const covered = new Set([...WRITE_ROUTES, ...BOT_COMMANDS].flatMap((route) => route.actions));
    const writes = ACTION_IDS.filter((action) => action !== 'report.read');
    expect(writes.filter((action) => !covered.has(action))).toEqual([]);
  });

  it('refuses every write route to every role that may not use it, changing nothing', async () => {
    for (const route of WRITE_ROUTES) {
      for (const { role, mail } of refusedPersonas(route.actions)) {
        await refusalCase(
          table,
          stack,
          'escalation (REST)',
          `${role} → ${route.method} ${route.path}`,
          route,
          await stack.tokenOf(mail),
        );
      }
    }
    expectClean('escalation (REST)');
  });

  it('authorises before it validates: a refused role learns nothing of the schema, the ids or the If-Match', async () => {
    // Every id and year in the path made invalid, the body not what any schema takes, no If-Match.
    const invalidPath = (path: string) =>
      path.replace(/\/(m1|p1|1|u)(?=\/|$)/g, "/x'y").replace(/\/operating-plan\/\d{4}/, '/operating-plan/abcd');
    // A route whose action depends on its body (the meeting's group) is refused before the body is read to
    // anyone who holds none of its actions.
    const actionsOf = (route: WriteRoute) => [
      ...new Set(
        WRITE_ROUTES.filter((r) => r.method === route.method && r.path === route.path).flatMap((r) => r.actions),
      ),
    ];
    const seen = new Set<string>();
    for (const route of WRITE_ROUTES) {
      if (seen.has(`${route.method} ${route.path}`)) continue;
      seen.add(`${route.method} ${route.path}`);
      for (const { role, mail } of refusedPersonas(actionsOf(route))) {
        await refusalCase(
          table,
          stack,
          'role before schema',
          `${role} → ${route.method} ${invalidPath(route.path)}`,
          {
            method: route.method,
            path: invalidPath(route.path),
            ...(route.method === 'DELETE' ? {} : { body: { okantFalt: ['x'] } }),
            headers: route.method === 'PATCH' ? { 'if-match': '' } : {},
          },
          await stack.tokenOf(mail),
          { expectStatus: [403] },
        );
      }
    }
    expectClean('role before schema');
  });

  it('refuses every bot command to every role that may not use it, changing nothing but the refusal reply', async () => {
    for (const { actions, command } of BOT_COMMANDS) {
      for (const { role, mail } of refusedPersonas(actions)) {
        const before = fingerprint(stack.dbFile);
        const { status, texts } = await askBot(stack, mail, command);
        const changed = changedKinds(before, fingerprint(stack.dbFile), botReplyKinds);
        const refused = texts.some((text) =>
          /inte behörighet|får du inte|saknar behörighet|Det får du inte göra/i.test(text),
        );
        table.add({
          klass: 'escalation (bot)',
          name: `${role} → ${command}`,
          status,
          accepted: !refused,
          serverError: status >= 500,
          changed,
          ...(refused ? {} : { detail: `reply: ${texts.join(' | ').slice(0, 200)}` }),
        });
      }
    }
    expectClean('escalation (bot)');
  });
});

// ------------------------------------------------------------------ injection

describe('injection corpus', () => {
  it('OData: quotes and operators in bot and query input neither widen a filter nor break Graph', async () => {
    const member = personaWith(['samverkansgrupp']).mail;
    for (const command of [
      "kontakter umeå' or 1 eq 1 or '",
      "kontakter ' or startswith(Title,'",
      'kontakter umeå%27%20or%201%20eq%201',
      "kontakter ')/items?$top=999",
    ]) {
      const before = fingerprint(stack.dbFile);
      const { status, texts } = await askBot(stack, member, command);
      const text = texts.join('\n');
      // A widened filter would list people of every organisation (e.g. Skellefteå's).
      const widened = /@(skelleftea|lycksele|vilhelmina)\.se/.test(text);
      table.add({
        klass: 'injection',
        name: `OData bot: ${command}`,
        status,
        accepted: widened,
        serverError: status >= 500 || /Något gick fel/.test(text),
        changed: changedKinds(before, fingerprint(stack.dbFile), botReplyKinds),
      });
    }
    const token = await stack.tokenOf(member);
    for (const query of ["?year=2027' or 1 eq 1", "?status=oppen' or 'a' eq 'a", '?upcoming=true%27']) {
      for (const path of ['/api/decisions', '/api/activities', '/api/meetings']) {
        await refusalCase(
          table,
          stack,
          'injection',
          `OData query: ${path}${query}`,
          { method: 'GET', path: `${path}${query}` },
          token,
          {
            expectStatus: [400],
          },
        );
      }
    }
    expectClean('injection');
  });

  it('card markdown: a proposed activity titled as a link is shown as text in the aktiviteter card', async () => {
    const proposer = personaWith(['samordnare', 'stodgrupp']).mail;
    const title = `[Klicka här](https://evil.example/${Date.now()})`;
    const created = await send(
      stack,
      {
        method: 'POST',
        path: '/api/activities',
        body: {
          title,
          area: 'information',
          startDate: '2026-12-15',
          endDate: '2026-12-15',
          targetGroups: ['kommuner'],
          responsibleOrganisationId: 'umea',
          description: 'Test',
        },
      },
      await stack.tokenOf(proposer),
    );
    const { texts, raw } = await askBot(stack, personaWith(['samverkansgrupp']).mail, 'aktiviteter december');
    const card = texts.join('\n');
    // Shown as written, and never as Markdown: the card's own text has no unescaped "[…](…)".
    const linkShown = card.includes(title) && !raw.includes(JSON.stringify(title).slice(1, -1));
    table.add({
      klass: 'injection',
      name: 'card markdown: activity title as a link',
      status: created.status,
      accepted: false,
      serverError: created.status >= 500,
      changed: [],
      ...(linkShown
        ? {}
        : { notSwedish: `created ${created.status} ${created.text.slice(0, 200)}, card: ${card.slice(0, 200)}` }),
    });
    expect(created.status).toBeLessThan(300);
    expect(card).toContain(title);
    expect(raw).not.toContain(JSON.stringify(title).slice(1, -1));
    expectClean('injection');
  });

  it('card markdown: every card shows people-written text as text, never as a link or markup', () => {
    const link = '[Klicka här](https://evil.example/x)';
    const bold = '**viktigt** <at>alla</at>';
    const person = {
      id: '1',
      displayName: link,
      email: 'a@regionvasterbotten.se',
      organisationId: 'umea',
      roles: [],
      title: bold,
    };
    const meeting = createMeeting({
      id: 'm1',
      group: 'stodgrupp',
      title: link,
      date: '2027-02-10',
      startTime: '09:00',
      endTime: '11:00',
      location: bold,
    });
    const member = { displayName: link, organisationName: bold, convener: true };
    const cards: [string, unknown][] = [
      ['errorCard', errorCard(link, bold)],
      ['refusalCard', refusalCard(link)],
      ['newsCard', newsCard(link, person, new Date('2026-12-02T10:00:00Z'))],
      ['newsPostedCard', newsPostedCard(link)],
      [
        'outcomeBookedCard',
        outcomeBookedCard({
          lineName: link,
          amountOre: 100,
          date: '2026-12-02',
          text: bold,
          lineOutcomeOre: 100,
          lineBudgetOre: 1000,
        }),
      ],
      [
        'pollCard',
        pollCard({
          pollId: '1',
          title: link,
          deadline: '2027-02-01T12:00:00Z',
          open: true,
          voters: 0,
          // A candidate's label is the app's own (a date and time), shown also as an input's plain label.
          candidates: [
            {
              id: 'k1',
              label: 'onsdag 10 februari 09:00–11:00',
              ja: 0,
              omDetBehovs: 0,
              nej: 0,
              kommunerCovered: 0,
              kommunerTotal: 15,
            },
          ],
          notice: bold,
        }),
      ],
      [
        'protocolApprovalCard',
        protocolApprovalCard({
          meetingId: 'm1',
          meetingTitle: link,
          date: '2027-02-10',
          version: 1,
          signers: [{ role: 'Sekreterare', name: link }],
          waitingFor: link,
          decisions: [link, bold],
          locked: false,
          button: 'godkann',
        }),
      ],
      ['meetingConvenedCard', meetingConvenedCard(meeting, true)],
      ['meetingReminderCard', meetingReminderCard(meeting, 14)],
      [
        'meetingsCard',
        meetingsCard([
          {
            meeting,
            answers: { accepted: 0, tentative: 0, declined: 0, notAnswered: 1 },
            byOrganisation: [
              { organisationId: 'umea', name: link, accepted: 0, tentative: 0, declined: 0, notAnswered: 1 },
            ],
            warnings: [bold],
          },
        ]),
      ],
      [
        'contactsCard',
        contactsCard([person], [{ id: 'umea', name: link, kind: 'kommun', emailDomain: 'umea.se' } as Organisation]),
      ],
      [
        'welcomeCard (arbetsgrupp)',
        welcomeCard({
          name: link,
          syfte: bold,
          uppdrag: link,
          malsattning: bold,
          members: [member],
          period: { start: '2027-01-01' },
          membershipType: 'private',
          pageUrl: 'https://example.invalid/tab',
          channelOwner: link,
        }),
      ],
      [
        'workingGroupsListCard',
        workingGroupsListCard([
          {
            name: link,
            syfte: bold,
            status: 'aktiv',
            members: [{ displayName: link, convener: true }],
            period: { start: '2027-01-01' },
          },
        ]),
      ],
    ];
    for (const [name, built] of cards) {
      const json = JSON.stringify(built);
      // An unescaped "[…](…)", "**…**" or "<at>" in a TextBlock or Fact would be markup in Teams.
      const markup = [
        json.includes('[Klicka här](https://') && 'link',
        json.includes('**viktigt**') && 'bold',
        json.includes('<at>') && 'mention',
      ].filter(Boolean);
      table.add({
        klass: 'injection',
        name: `card markdown: ${name}`,
        status: 0,
        accepted: markup.length > 0,
        serverError: false,
        changed: [],
        ...(markup.length ? { detail: `unescaped ${markup.join(', ')}` } : {}),
      });
    }
    expectClean('injection');
  });

  it('iCalendar and HTML: a title or description cannot start a property or run in a page', async () => {
    const proposer = await stack.tokenOf(personaWith(['samordnare', 'stodgrupp']).mail);
    const activity = (title: string, description: string) => ({
      method: 'POST' as const,
      path: '/api/activities',
      body: {
        title,
        area: 'information',
        startDate: '2026-11-10',
        endDate: '2026-11-10',
        targetGroups: ['kommuner'],
        responsibleOrganisationId: 'umea',
        description,
      },
    });
    const attempts = [
      activity('Kurs\r\nATTENDEE:mailto:evil@example.com', 'Bra'),
      activity('Kurs\rX-INJECTED-TITLE:1', 'Bra'),
      activity('Kurs med beskrivning', 'Rad ett\r\nX-INJECTED-DESCRIPTION:1\rX-INJECTED-CR:1'),
      activity('<script>alert(1)</script><img src=x onerror=alert(1)>', '<b>fet</b>'),
    ];
    for (const attempt of attempts) {
      const created = await send(stack, attempt, proposer);
      table.add({
        klass: 'injection',
        name: `stored: ${JSON.stringify(attempt.body.title).slice(0, 60)}`,
        status: created.status,
        accepted: false,
        serverError: created.status >= 500,
        changed: [],
        ...(created.status >= 400 ? optionalSwedish(created.body) : {}),
      });
    }
    // iCalendar: a meeting whose title and room carry CR/LF is either refused, or exported without a new line.
    const meeting = await send(
      stack,
      {
        method: 'POST',
        path: '/api/meetings',
        body: {
          group: 'stodgrupp',
          date: '2026-12-15',
          startTime: '09:00',
          endTime: '10:00',
          title: 'Stödgruppen\r\nATTENDEE:mailto:evil@example.com',
          room: 'Rum 1\rX-INJECTED-ROOM:1',
          online: false,
          idempotencyKey: `security-${Date.now()}`,
        },
      },
      proposer,
    );
    const meetingId = (meeting.body as { meeting?: { id?: string } } | undefined)?.meeting?.id;
    let injected: string[] = [];
    let icsStatus = meeting.status;
    if (meeting.status < 300 && meetingId) {
      const ics = await stack.call(`/api/meetings/${meetingId}/meeting.ics`, { token: proposer });
      icsStatus = ics.status;
      const text = await ics.text();
      const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n');
      injected = lines.filter((line) => /^(ATTENDEE:mailto:evil|X-INJECTED)/.test(line));
      if (/\r(?!\n)/.test(text)) injected.push('a bare CR');
      // The corpus reached the file.
      expect(lines.some((line) => line.startsWith('SUMMARY:Stödgruppen'))).toBe(true);
    }
    table.add({
      klass: 'injection',
      name: `iCalendar: CR/LF in a meeting's title and room (${meeting.status < 300 ? 'stored, exported' : 'refused'})`,
      status: icsStatus,
      accepted: injected.length > 0,
      serverError: icsStatus >= 500,
      changed: [],
      ...(meeting.status >= 400 ? optionalSwedish(meeting.body) : {}),
      ...(injected.length ? { detail: injected.join(' | ') } : {}),
    });
    const list = await stack.call('/api/activities?year=2026', { token: proposer });
    table.add({
      klass: 'injection',
      name: 'HTML: answers are JSON, never sniffed as a page',
      status: list.status,
      accepted:
        !(list.headers.get('content-type') ?? '').startsWith('application/json') ||
        list.headers.get('x-content-type-options') !== 'nosniff',
      serverError: list.status >= 500,
      changed: [],
    });
    expectClean('injection');
  });

  it('the local tenant answers 400, never 500, to a lone surrogate in a body or a path', async () => {
    const app = await import('../../infra/graph-emulator/tests/support');
    const appToken = (await app.msalFor(stack.tenant).acquireTokenByClientCredential({
      scopes: ['https://graph.microsoft.com/.default'],
    }))!.accessToken;
    const cases: [string, string, string | undefined][] = [
      ['body', `${stack.tenant.graphUrl}/teams/${SEED_TEAM_ID}/channels`, '{"displayName":"\\ud800"}'],
      ['key', `${stack.tenant.graphUrl}/teams/${SEED_TEAM_ID}/channels`, '{"\\udc00":"x"}'],
      ['path', `${stack.tenant.graphUrl}/users/%ED%A0%80`, undefined],
    ];
    for (const [name, url, body] of cases) {
      const response = await fetch(url, {
        method: body ? 'POST' : 'GET',
        headers: { authorization: `Bearer ${appToken}`, 'content-type': 'application/json' },
        body,
      });
      const answer = (await response.json()) as { error?: { code?: string } };
      table.add({
        klass: 'local tenant',
        name: `lone surrogate in the ${name}`,
        status: response.status,
        accepted: response.status < 400,
        serverError: response.status >= 500,
        changed: [],
        ...(answer.error?.code ? {} : { notSwedish: 'not in Graph’s error shape' }),
      });
      expect(response.status).toBe(400);
    }
  });
});

// ------------------------------------------------------------------ bounds

/** Ids the bounds corpus needs to exist: two of the Region's people, a budget line, an activity, a decision. */
async function corpusIds(tokens: { coordinator: string; chair: string }): Promise<CorpusIds> {
  const token = tokens.coordinator;
  const people = (await send(stack, { method: 'GET', path: '/api/people' }, token)).body as {
    people: { id: string; email: string }[];
  };
  const region = people.people.filter((p) => p.email.endsWith('@regionvasterbotten.se'));
  const created = async (path: string, body: unknown, key: string, as = token): Promise<string> => {
    const answer = await send(stack, { method: 'POST', path, body }, as);
    const id = (answer.body as Record<string, { id?: string } | undefined>)[key]?.id;
    if (answer.status >= 300 || !id) throw new Error(`${path}: ${answer.status} ${answer.text.slice(0, 300)}`);
    return id;
  };
  const meetingId = async () =>
    created(
      '/api/meetings',
      {
        group: 'samverkansgrupp',
        title: 'Korpusmöte',
        date: '2027-04-14',
        startTime: '09:00',
        endTime: '12:00',
        idempotencyKey: 'bounds-corpus-setup',
      },
      'meeting',
      tokens.chair,
    );
  const meeting = await meetingId();
  return {
    meetingId: meeting,
    personId: region[0]!.id,
    otherPersonId: region[1]!.id,
    budgetLineId: await created(
      '/api/budget/lines',
      { year: 2026, category: 'oh_lokal', name: 'Lokalhyra', amountOre: 1_000_000 },
      'line',
    ),
    activityId: await created(
      '/api/activities',
      {
        title: 'Korpusaktivitet',
        area: 'information',
        startDate: '2027-03-01',
        endDate: '2027-03-01',
        targetGroups: ['kommuner'],
        responsibleOrganisationId: 'umea',
      },
      'activity',
    ),
    decisionId: await created(
      '/api/decisions',
      // The corpus meeting lies ahead, where no decision can be taken (#17): the decision is per capsulam today.
      {
        meetingId: 'per-capsulam',
        decidedOn: toIsoDate(new Date()),
        kind: 'aktiviteter_kalendarium',
        text: 'Korpusbeslut',
      },
      'decision',
    ),
    today: new Date().toISOString().slice(0, 10),
  };
}

describe('bounds corpus', () => {
  it('refuses every out-of-bounds input on every write route in Swedish, before anything is written', async () => {
    const tokens = { coordinator: await stack.tokenOf(COORDINATOR), chair: await stack.tokenOf(CHAIR) };
    const ids = await corpusIds(tokens);
    const routes = boundsRoutes(ids);
    // Each route's own body passes validation, or the corpus would prove nothing: its cases differ from it
    // in one field only.
    const invalidBases: string[] = [];
    for (const route of routes) {
      const base = await send(
        stack,
        { method: route.method, path: route.path, body: route.body, headers: route.headers ?? {} },
        tokens[route.as],
      );
      if (base.status === 400 || base.status === 422 || base.status >= 500)
        invalidBases.push(`${route.name}: ${base.status} ${base.text.slice(0, 300)}`);
    }
    expect(invalidBases).toEqual([]);
    for (const route of routes) {
      for (const boundsCase of casesOf(route, ids)) {
        await refusalCase(
          table,
          stack,
          'bounds (REST)',
          `${route.name} ${boundsCase.name}`,
          { method: route.method, path: route.path, body: boundsCase.body, headers: route.headers ?? {} },
          tokens[route.as],
          { expectStatus: [400, 413, 422] },
        );
      }
    }
    expectClean('bounds (REST)');
  });

  it('refuses out-of-bounds arguments to every bot write command in Swedish, writing nothing', async () => {
    const today = new Date().toISOString().slice(0, 10);
    for (const { name, command } of botBoundsCases(today)) {
      const before = fingerprint(stack.dbFile);
      const { status, texts } = await askBot(stack, COORDINATOR, command);
      const reply = texts.join(' | ');
      const changed = changedKinds(before, fingerprint(stack.dbFile), botReplyKinds);
      const accepted = /bokfört|är publicerad|är skickad/i.test(reply) || texts.length === 0;
      const english = /undefined|invalid|expected|received|NaN|\[object/i.test(reply);
      table.add({
        klass: 'bounds (bot)',
        name,
        status,
        accepted,
        serverError: status >= 500 || /Något gick fel|oväntat fel/i.test(reply),
        changed,
        ...(english ? { notSwedish: reply.slice(0, 200) } : {}),
        ...(accepted ? { detail: `reply: ${reply.slice(0, 200)}` } : {}),
      });
    }
    expectClean('bounds (bot)');
  });
});

// ------------------------------------------------------------------ the bot's tenant

describe("the bot answers only the samverkan's tenants", () => {
  it('refuses a Bot Framework activity from another tenant before the SDK sees it, and answers nothing', async () => {
    const other = '9f0d7a52-3c1e-4b6a-8d2f-5e4c3b2a1f00';
    const member = seededUser(personaWith(['samverkansgrupp']).mail);
    const message = () => generalChannelMessage(stack.tenant, member, 'hjälp');
    const cases: [string, Record<string, unknown>][] = [
      ['channelData.tenant.id and conversation.tenantId', withTenant(message(), other, other)],
      ['channelData.tenant.id only', withTenant(message(), other, undefined)],
      ['conversation.tenantId only', withTenant(message(), undefined, other)],
    ];
    for (const [name, activity] of cases) {
      const before = fingerprint(stack.dbFile);
      const posted = (await postedActivities(stack.tenant, SEED_GENERAL_CHANNEL_ID)).length;
      const response = await postActivity(stack.url, activity);
      const replies = (await postedActivities(stack.tenant, SEED_GENERAL_CHANNEL_ID)).length - posted;
      table.add({
        klass: 'bot tenant',
        name: `another tenant in ${name}`,
        status: response.status,
        accepted: response.status !== 403 || replies > 0,
        serverError: response.status >= 500,
        changed: changedKinds(before, fingerprint(stack.dbFile)),
      });
    }
    // The same activity from the samverkan's own tenant is answered (the check is not a broken endpoint).
    const own = await askBot(stack, member.mail, 'hjälp');
    expect(own.status).toBeLessThan(300);
    expect(own.texts.length).toBeGreaterThan(0);
    expectClean('bot tenant');
  });
});

function withTenant(
  activity: ReturnType<typeof generalChannelMessage>,
  channelTenant: string | undefined,
  conversationTenant: string | undefined,
): Record<string, unknown> {
  return {
    ...activity,
    channelData: { ...activity.channelData, ...(channelTenant ? { tenant: { id: channelTenant } } : {}) },
    conversation: { ...activity.conversation, ...(conversationTenant ? { tenantId: conversationTenant } : {}) },
  };
}

// ------------------------------------------------------------------ logs

describe('logs without personal data', () => {
  it('logs activities by id and type only, at debug too', async () => {
    const secret = `Hemlig text ${Date.now()}`;
    await askBot(stack, personaWith(['samverkansgrupp']).mail, `hjälp ${secret}`);
    const log = logLines.join('');
    expect(log.length).toBeGreaterThan(0);
    expect(log).toMatch(/activity\(type=message/);
    const leaks = [secret, ...PERSONAS.flatMap((p) => [p.displayName, p.mail])].filter((value) => log.includes(value));
    table.add({
      klass: 'logs',
      name: 'debug log of the suite',
      status: 0,
      accepted: leaks.length > 0,
      serverError: false,
      changed: [],
      ...(leaks.length ? { detail: `leaked: ${leaks.slice(0, 5).join(', ')}` } : {}),
    });
    expect(leaks).toEqual([]);
  });
});
