import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { CHAIR, COORDINATOR, MEMBER_GUEST } from '../../infra/graph-emulator/tests/support';
import type { AssignmentView } from '../../src/contract';
import type { ContactRecord } from '../../api/services/contacts';
import {
  activityCardText,
  cardText,
  postActivity,
  postedActivities,
  seededUser,
  startStack,
  type SeededUser,
  type Stack,
} from '../integration/support/stack';
import { delegationDecision } from '../integration/support/meetingJourney';

jest.setTimeout(120_000);

/**
 * The bot's `uppdrag` (#17) against the server on the local tenant: a personal chat as Teams sends it, the
 * card's Action.Execute as Teams' invoke, the uppdrag read back through the API.
 */

interface CardJson {
  body?: unknown[];
  actions?: unknown[];
}
interface ExecuteData {
  assignmentId: string;
  etag: string;
}

const member = seededUser(MEMBER_GUEST);
const chair = seededUser(CHAIR);
const coordinator = seededUser(COORDINATOR);
const chatOf = (person: SeededUser) => `a:personal-${person.id}`;

function activityBase(stack: Stack, from: SeededUser, id = `uppdrag-${randomUUID()}`) {
  return {
    id,
    channelId: 'msteams',
    serviceUrl: stack.tenant.url,
    timestamp: new Date().toISOString(),
    from: { id: `29:${from.id}`, name: from.displayName, aadObjectId: from.id },
    recipient: { id: `28:${stack.tenant.clientId}`, name: 'Plan- och bygg' },
    locale: 'sv-SE',
    conversation: { id: chatOf(from), conversationType: 'personal', tenantId: stack.tenant.tenantId },
    channelData: { tenant: { id: stack.tenant.tenantId } },
  };
}

/** Teams' invoke for the uppdrag card's Spara, with the form's inputs merged into the action's data. */
function execute(stack: Stack, from: SeededUser, data: Record<string, unknown>, id?: string) {
  return {
    ...activityBase(stack, from, id),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb: 'assignment.update', data } },
  };
}

/** Every Action.Execute of the card (inside the rows' Uppdatera forms), in order. */
function executeActions(card: unknown): ExecuteData[] {
  const found: ExecuteData[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const element = node as { type?: string; verb?: string; data?: ExecuteData };
      if (element.type === 'Action.Execute' && element.verb === 'assignment.update' && element.data) {
        found.push(element.data);
      }
      Object.values(node).forEach(walk);
    }
  };
  walk(card);
  return found;
}

describe('the bot: uppdrag in a personal chat, updated from the card with the uppdrag’s ETag', () => {
  let stack: Stack;
  let people: ContactRecord[];
  let lastCard: CardJson | undefined;

  async function ask(from: SeededUser, command: string): Promise<string> {
    const before = (await postedActivities(stack.tenant, chatOf(from))).length;
    const asked = await postActivity(stack.url, {
      ...activityBase(stack, from),
      type: 'message',
      text: command,
      textFormat: 'plain',
    });
    expect(asked.status).toBeLessThan(300);
    const replies = (await postedActivities(stack.tenant, chatOf(from))).slice(before);
    expect(replies).toHaveLength(1);
    lastCard = replies[0]?.attachments?.[0]?.content as CardJson;
    return activityCardText(replies[0]);
  }

  async function invoke(activity: object): Promise<{ card: CardJson; text: string }> {
    const response = await postActivity(stack.url, activity);
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { value: CardJson };
    return { card: answer.value, text: cardText(answer.value) };
  }

  async function assignmentsOf(token: string, mine = true): Promise<AssignmentView[]> {
    const response = await stack.call(`/api/assignments${mine ? '?mine=1' : ''}`, { token });
    return ((await response.json()) as { assignments: AssignmentView[] }).assignments;
  }

  beforeAll(async () => {
    // Stockholm 3 December 2026: what is overdue and due soon does not hang on the wall clock.
    stack = await startStack({ deps: { clock: { now: () => new Date('2026-12-03T09:00:00Z') } } });
    await stack.prepare();
    const token = await stack.token(COORDINATOR);
    const decisionId = await delegationDecision(stack, token, 'Samverkansgruppen delegerar uppdrag.');
    const app = stack.server.services.graph.forApp();
    people = await stack.server.services.contacts.list(app);
    const idOf = (email: string) => people.find((p) => p.email === email)!.id;
    const memberOnes = Array.from({ length: 9 }, (_, i) => ({
      assigneeKind: 'person',
      assigneeId: idOf(MEMBER_GUEST),
      description: `Underlag ${i + 1}`,
      due: `2026-12-${String(i + 1).padStart(2, '0')}`,
    }));
    const chairs = [
      { assigneeKind: 'person', assigneeId: idOf(CHAIR), description: 'Svar till länet', due: '2027-01-15' },
    ];
    const delegated = await stack.call(`/api/decisions/${decisionId}/assignments`, {
      token,
      method: 'POST',
      body: { assignments: [...memberOnes, ...chairs] },
      headers: { 'idempotency-key': 'bot-uppdrag-setup' },
    });
    expect(delegated.status).toBe(201);
  });
  afterAll(async () => stack?.close());

  it('shows the owner at most eight open uppdrag, soonest first, and how many more there are', async () => {
    const shown = await ask(member, 'uppdrag');
    expect(shown).toContain('Mina uppdrag');
    expect(shown).toContain('Underlag 1');
    expect(shown).toContain('Underlag 8');
    expect(shown).not.toContain('Underlag 9');
    expect(shown).toContain('och 1 till – öppna fliken');
    expect(shown).toContain('Försenat: klart senast');
    expect(shown).not.toContain('Svar till länet');
    expect(executeActions(lastCard)).toHaveLength(8);
    // No list item id on the card's face.
    const ids = (await assignmentsOf(await stack.token(MEMBER_GUEST))).map((a) => a.id);
    expect(shown.split('\n').filter((line) => ids.includes(line.trim()))).toEqual([]);
  });

  it('shows the samordnare every open uppdrag, grouped by owner', async () => {
    const shown = await ask(coordinator, 'uppdrag');
    expect(shown).toContain('Öppna uppdrag');
    const lines = shown.split('\n');
    // One heading per owner, not one per row.
    expect(lines.filter((line) => line === member.displayName)).toHaveLength(1);
    expect(shown).toContain('och 2 till – öppna fliken');
    expect((await ask(chair, 'assignments')).split('\n')).toEqual(
      expect.arrayContaining(['Mina uppdrag', 'Svar till länet']),
    );
  });

  it('saves status and report from the card, once per activity, and shows the newer state on a stale ETag', async () => {
    await ask(member, 'uppdrag');
    const first = executeActions(lastCard)[0]!;
    const before = (await assignmentsOf(await stack.token(MEMBER_GUEST)))[0]!;
    expect(first).toEqual({ assignmentId: before.id, etag: before.etag });
    const form = { ...first, [`status_${first.assignmentId}`]: 'pagar', [`report_${first.assignmentId}`]: 'Påbörjat.' };

    const activityId = `uppdrag-save-${randomUUID()}`;
    const saved = await invoke(execute(stack, member, form, activityId));
    expect(saved.text).toContain('Sparat: ”Underlag 1” har status pågår.');
    const after = (await assignmentsOf(await stack.token(MEMBER_GUEST)))[0]!;
    expect(after).toMatchObject({ status: 'pagar', report: 'Påbörjat.' });
    // The card carries the new ETag for the next save.
    expect(executeActions(saved.card)[0]).toEqual({ assignmentId: after.id, etag: after.etag });

    // Teams re-delivers the same invoke: the first answer again, no second write.
    const again = await invoke(execute(stack, member, form, activityId));
    expect(again.text).toBe(saved.text);
    expect((await assignmentsOf(await stack.token(MEMBER_GUEST)))[0]!.etag).toBe(after.etag);

    // An older card (the first ETag) pressed again: 409 in the service, the card says what it is now.
    const stale = await invoke(
      execute(stack, member, {
        ...form,
        [`status_${first.assignmentId}`]: 'klart',
        [`report_${first.assignmentId}`]: '',
      }),
    );
    expect(stale.text).toContain('Någon hann ändra uppdraget ”Underlag 1” före dig: det har nu status pågår.');
    expect(stale.text).toContain('Rapporten lyder nu: ”Påbörjat.”');
    expect((await assignmentsOf(await stack.token(MEMBER_GUEST)))[0]!.status).toBe('pagar');
  });

  it('refuses someone else’s uppdrag and an invalid status with a Swedish card', async () => {
    const [own] = await assignmentsOf(await stack.token(MEMBER_GUEST));
    const data = { assignmentId: own!.id, etag: own!.etag, [`status_${own!.id}`]: 'klart' };
    const refused = await invoke(execute(stack, chair, data));
    expect(refused.text).toContain('Du har inte behörighet att rapportera på det här uppdraget.');
    const invalid = await invoke(execute(stack, member, { ...data, [`status_${own!.id}`]: 'fixat' }));
    expect(invalid.text).toContain('Välj en status för uppdraget.');
    const back = await invoke(execute(stack, member, { ...data, [`status_${own!.id}`]: 'ej_paborjat' }));
    expect(back.text).toContain('kan inte bli ej påbörjat');
    expect((await assignmentsOf(await stack.token(MEMBER_GUEST)))[0]!.status).toBe('pagar');
  });

  it('reminds the owner in their chat once per uppdrag, however often the job runs, and again on a new due date', async () => {
    const reminders = async () =>
      (await postedActivities(stack.tenant, chatOf(member))).filter((a) =>
        /^(Försenat uppdrag|Uppdrag): /.test(a.summary ?? ''),
      );
    const before = (await reminders()).length;
    await stack.server.jobs.runOnce();
    await stack.server.jobs.runOnce();
    const sent = (await reminders()).slice(before);
    // 3 December: Underlag 1–2 are overdue, 3–9 due within a week; one message each, not two.
    expect(sent.map((a) => a.summary).sort()).toEqual(
      [
        ...[1, 2].map((n) => `Försenat uppdrag: Underlag ${n}`),
        ...[3, 4, 5, 6, 7, 8, 9].map((n) => `Uppdrag: Underlag ${n}`),
      ].sort(),
    );
    expect(activityCardText(sent.find((a) => a.summary === 'Försenat uppdrag: Underlag 2'))).toContain(
      'Uppdraget är försenat',
    );
    // Nothing went to the chair: their uppdrag is due in January.
    expect(
      (await postedActivities(stack.tenant, chatOf(chair))).filter((a) =>
        (a.summary ?? '').includes('Svar till länet'),
      ),
    ).toEqual([]);

    // A new due date is a new reminder; the old one is not repeated.
    const app = stack.server.services.graph.forApp();
    const list = await stack.server.services.site.list(app, 'assignments');
    const ninth = (await assignmentsOf(await stack.token(MEMBER_GUEST))).find((a) => a.description === 'Underlag 9')!;
    await app.patchItemFields(list.siteId, list.listId, ninth.id, { DueDate: '2026-12-08' }, ninth.etag);
    await stack.server.jobs.runOnce();
    await stack.server.jobs.runOnce();
    expect((await reminders()).slice(before + sent.length).map((a) => a.summary)).toEqual(['Uppdrag: Underlag 9']);
  });
});
