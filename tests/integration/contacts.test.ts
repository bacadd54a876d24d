import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Event } from '@microsoft/microsoft-graph-types';
import { adminClient, CHAIR, COORDINATOR, MEMBER_GUEST } from '../../infra/graph-emulator/tests/support';
import { candidateDays, seasonWindow, toIsoDate } from '../../src/domain';
import { startStack, type Stack } from './support/stack';

jest.setTimeout(120_000);

interface PersonView {
  id: string;
  etag: string;
  email: string;
  displayName: string;
  organisationId: string;
  roles: string[];
  deactivatedOn?: string;
  formerRoles?: string[];
  boughtInService?: boolean;
}

interface ChangeView {
  person: PersonView;
  saved: boolean;
  breaches: { code: string; message: string }[];
  introduced: { code: string; message: string }[];
}

interface ErrorBody {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
}

const NEW_GUEST = 'elin.nyberg@norsjo.se';

describe('the contact list kept current (#17): add, deactivate, warnings before saving', () => {
  let stack: Stack;
  let coordinator: string;
  let member: string;

  const call = (path: string, token: string, method = 'GET', body?: unknown, etag?: string) =>
    stack.call(path, { token, method, body, ...(etag ? { headers: { 'if-match': etag } } : {}) });
  const people = async () =>
    ((await (await call('/api/people', coordinator)).json()) as { people: PersonView[] }).people;
  const person = async (email: string) => (await people()).find((p) => p.email === email)!;

  beforeAll(async () => {
    stack = await startStack();
    await stack.prepare();
    [coordinator, member] = await Promise.all([stack.token(COORDINATOR), stack.token(MEMBER_GUEST)]);
    // The Region's administrator has invited a new planner from Norsjö as a guest.
    const admin = await adminClient(stack.tenant);
    await admin.api('/invitations').post({
      invitedUserEmailAddress: NEW_GUEST,
      invitedUserDisplayName: 'Elin Nyberg',
      inviteRedirectUrl: 'https://teams.microsoft.com',
      sendInvitationMessage: false,
    });
  });
  afterAll(async () => stack.close());

  it('adds a person found in the Region’s directory: a dry run first, then saved; only by the samordnare', async () => {
    const body = { source: 'directory', email: NEW_GUEST, roles: ['arbetsgrupp'] };
    expect((await call('/api/people', member, 'POST', body)).status).toBe(403);
    const dry = await call('/api/people', coordinator, 'POST', { ...body, dryRun: true });
    expect(dry.status).toBe(200);
    const preview = (await dry.json()) as ChangeView;
    expect(preview).toMatchObject({
      saved: false,
      person: { displayName: 'Elin Nyberg', email: NEW_GUEST, organisationId: 'norsjo' },
      introduced: [],
    });
    expect((await people()).map((p) => p.email)).not.toContain(NEW_GUEST);

    const saved = await call('/api/people', coordinator, 'POST', body);
    expect(saved.status).toBe(201);
    expect(((await saved.json()) as ChangeView).person).toMatchObject({
      organisationId: 'norsjo',
      roles: ['arbetsgrupp'],
    });
    expect(await person(NEW_GUEST)).toMatchObject({ displayName: 'Elin Nyberg' });

    const again = await call('/api/people', coordinator, 'POST', body);
    expect(again.status).toBe(422);
    expect(((await again.json()) as ErrorBody).error.message).toBe(
      `Det finns redan en kontakt med e-postadressen ${NEW_GUEST} (Elin Nyberg).`,
    );
    const unknown = await call('/api/people', coordinator, 'POST', { source: 'directory', email: 'okand@norsjo.se' });
    expect(unknown.status).toBe(422);
    expect(((await unknown.json()) as ErrorBody).error.message).toMatch(
      /^okand@norsjo\.se finns inte i Region Västerbottens katalog/,
    );
  });

  it('adds a bought-in samordnare as an external person: the warnings come first, saving needs confirm', async () => {
    const body = {
      source: 'external',
      displayName: 'Karl Konsult',
      email: 'karl.konsult@umea.se',
      organisationId: 'umea',
      roles: ['samordnare', 'stodgrupp'],
    };
    const dry = (await (
      await call('/api/people', coordinator, 'POST', { ...body, dryRun: true })
    ).json()) as ChangeView;
    expect(dry.introduced.map((b) => b.code).sort()).toEqual(['MULTIPLE_SAMORDNARE', 'SAMORDNARE_NOT_FROM_HOST']);
    const unconfirmed = await call('/api/people', coordinator, 'POST', { ...body, boughtInService: true });
    expect(unconfirmed.status).toBe(422);
    expect(((await unconfirmed.json()) as ErrorBody).error.message).toBe(
      'Ändringen ger avvikelser från åtagandena: Det finns flera samordnare (Karin Nordström, Karl Konsult); avtalet ' +
        'anger en samordnare. Bekräfta för att spara ändå.',
    );
    expect((await people()).map((p) => p.email)).not.toContain('karl.konsult@umea.se');
    const confirmed = await call('/api/people', coordinator, 'POST', { ...body, boughtInService: true, confirm: true });
    expect(confirmed.status).toBe(201);
    const change = (await confirmed.json()) as ChangeView;
    // Recorded as bought in, the samordnare from Umeå is no breach; two samordnare still are.
    expect(change.introduced.map((b) => b.code)).toEqual(['MULTIPLE_SAMORDNARE']);
    expect(change.person).toMatchObject({ boughtInService: true });
    const commitments = (await (await call('/api/commitments', member)).json()) as { breaches: { code: string }[] };
    expect(commitments.breaches.map((b) => b.code)).toEqual(['MULTIPLE_SAMORDNARE']);
  });

  it('checks an edit: a second Länsstyrelsen person in stödgruppen is flagged before saving', async () => {
    const cecilia = await person('cecilia.lundmark@lansstyrelsen.se');
    const patch = { roles: ['stodgrupp'] };
    const dry = await call(`/api/people/${cecilia.id}`, coordinator, 'PATCH', { ...patch, dryRun: true }, cecilia.etag);
    expect(dry.status).toBe(200);
    expect(((await dry.json()) as ChangeView).introduced.map((b) => b.code)).toEqual([
      'STODGRUPP_MULTIPLE_LANSSTYRELSE',
    ]);
    const refused = await call(`/api/people/${cecilia.id}`, coordinator, 'PATCH', patch, cecilia.etag);
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as ErrorBody).error.message).toMatch(
      /Stödgruppen har 2 representanter från Länsstyrelsen \(Cecilia Lundmark, Johan Engström\); avtalet anger en\./,
    );
    expect((await person('cecilia.lundmark@lansstyrelsen.se')).roles).toEqual([]);
  });

  it('deactivates a person: kept for history, no roles, absent from the next kallelse', async () => {
    const lars = await person('lars.wikstrom@skelleftea.se');
    expect((await call(`/api/people/${lars.id}/deactivate`, member, 'POST', {}, lars.etag)).status).toBe(403);
    const done = await call(`/api/people/${lars.id}/deactivate`, coordinator, 'POST', {}, lars.etag);
    expect(done.status).toBe(200);
    const today = toIsoDate(new Date());
    expect(await person('lars.wikstrom@skelleftea.se')).toMatchObject({
      roles: [],
      formerRoles: ['samverkansgrupp'],
      deactivatedOn: today,
    });

    // The chair's next kallelse to samverkansgruppen goes to everyone but him.
    const year = Number(today.slice(0, 4)) + 1;
    const chair = await stack.token(CHAIR);
    const sent = await call('/api/meetings', chair, 'POST', {
      group: 'samverkansgrupp',
      season: 'var',
      date: candidateDays(seasonWindow(year, 'var'))[6],
      startTime: '09:30',
      endTime: '12:00',
      room: 'Regionens hus',
      online: true,
      idempotencyKey: randomUUID(),
    });
    expect(sent.status).toBe(201);
    const { meeting } = (await sent.json()) as { meeting: { eventId: string } };
    const admin = await adminClient(stack.tenant);
    const event = (await admin.api(`/users/${CHAIR}/events/${meeting.eventId}`).get()) as Event;
    const invited = (event.attendees ?? []).map((a) => a.emailAddress?.address?.toLowerCase());
    expect(invited).toContain('anna.sjoberg@skelleftea.se');
    expect(invited).not.toContain('lars.wikstrom@skelleftea.se');
  });

  it('deactivating a kommun’s only representative warns first and needs confirm', async () => {
    const tobias = await person('tobias.sundqvist@vindeln.se');
    const dry = await call(`/api/people/${tobias.id}/deactivate`, coordinator, 'POST', { dryRun: true }, tobias.etag);
    expect(((await dry.json()) as ChangeView).introduced.map((b) => b.message)).toEqual([
      'Vindeln saknar representant i samverkansgruppen.',
    ]);
    const refused = await call(`/api/people/${tobias.id}/deactivate`, coordinator, 'POST', {}, tobias.etag);
    expect(refused.status).toBe(422);
    expect((await person('tobias.sundqvist@vindeln.se')).deactivatedOn).toBeUndefined();
    const confirmed = await call(
      `/api/people/${tobias.id}/deactivate`,
      coordinator,
      'POST',
      { confirm: true },
      tobias.etag,
    );
    expect(confirmed.status).toBe(200);
    const again = await call(
      `/api/people/${tobias.id}/deactivate`,
      coordinator,
      'POST',
      { confirm: true },
      ((await confirmed.json()) as ChangeView).person.etag,
    );
    expect(again.status).toBe(422);
  });
});
