import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from '@microsoft/microsoft-graph-client';
import type { Event } from '@microsoft/microsoft-graph-types';
import type { RunningTenant } from '../src/index';
import { CHAIR, control, COORDINATOR, startTestTenant, userClient } from './support';

const PER = 'per.holmberg@regionvasterbotten.se';
const EXTERNAL = 'anna.extern@konsultbolaget.example';

function meeting(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    subject: 'Samverkansgruppen',
    body: { contentType: 'html', content: '<html><body><p>Dagordning följer.</p></body></html>' },
    start: { dateTime: '2027-09-07T09:00:00', timeZone: 'Europe/Stockholm' },
    end: { dateTime: '2027-09-07T10:00:00', timeZone: 'Europe/Stockholm' },
    attendees: [
      { emailAddress: { address: COORDINATOR }, type: 'required' },
      { emailAddress: { address: PER }, type: 'required' },
      { emailAddress: { address: EXTERNAL }, type: 'required' },
    ],
    isOnlineMeeting: true,
    onlineMeetingProvider: 'teamsForBusiness',
    ...overrides,
  };
}

/** Exchange's blob as this tenant writes it: from the first line of underscores to the last. */
function blobOf(content: string): string {
  const start = content.indexOf('<div class="me-email-text"');
  const end = content.lastIndexOf('_'.repeat(80));
  return content.slice(start, content.indexOf('</div>', content.indexOf('</div>', end) + 6) + 6);
}

const count = (text: string, part: string) => text.split(part).length - 1;

describe('local tenant: the Teams meeting blob in an online meeting body (event-update)', () => {
  let tenant: RunningTenant;
  let chair: Client;

  beforeAll(async () => {
    tenant = await startTestTenant();
    chair = await userClient(tenant, CHAIR);
  });
  afterAll(async () => tenant.close());

  const copiesOf = async (iCalUId: string) => {
    const coordinator = await userClient(tenant, COORDINATOR);
    return ((await coordinator.api('/me/events').filter(`iCalUId eq '${iCalUId}'`).get()) as { value: Event[] }).value;
  };
  const read = (id: string) =>
    chair.api(`/me/events/${id}`).select('body,isOnlineMeeting,onlineMeeting,iCalUId').get() as Promise<Event>;
  const messages = async (iCalUId: string) => {
    const response = await control(tenant, 'GET', `/meetingMessages?iCalUId=${encodeURIComponent(iCalUId)}`);
    return ((await response.json()) as { value: { type: string; to: string }[] }).value;
  };
  const removals = async (iCalUId: string) => {
    const response = await control(tenant, 'GET', `/onlineMeetingRemovals?iCalUId=${encodeURIComponent(iCalUId)}`);
    return ((await response.json()) as { value: { reason: string; joinUrl: string }[] }).value;
  };

  it('appends the blob on create: underscores, Microsoft Teams, the join link, the meeting ID; copies carry it', async () => {
    const created = (await chair.api('/me/events').post(meeting())) as Event;
    const content = created.body!.content!;
    const joinUrl = created.onlineMeeting!.joinUrl!;
    expect(content.startsWith('<html><body><p>Dagordning följer.</p>')).toBe(true);
    expect(content.endsWith('</body></html>')).toBe(true);
    expect(count(content, '_'.repeat(80))).toBe(2);
    expect(content).toContain('>Microsoft Teams</span>');
    expect(content).toContain(`href="${joinUrl}" id="meet_invite_block.action.join_link"`);
    expect(content).toMatch(/Join\s+the meeting now/);
    expect(content).toContain(created.onlineMeeting!.conferenceId!.slice(0, 3));
    expect(created.bodyPreview).toContain('Microsoft Teams');
    const [mine] = await copiesOf(created.iCalUId!);
    expect(mine!.body!.content).toBe(content);
    // Not online: the body is as written.
    const plain = (await chair.api('/me/events').post(meeting({ isOnlineMeeting: false }))) as Event;
    expect(plain.body!.content).toBe('<html><body><p>Dagordning följer.</p></body></html>');
    // Turned on by a PATCH: the blob is written then.
    const on = (await chair.api(`/me/events/${plain.id}`).patch({ isOnlineMeeting: true })) as Event;
    expect(on.body!.content).toContain(on.onlineMeeting!.joinUrl!);
  });

  it('a body PATCH that keeps the blob keeps the meeting online with the same joinUrl; every attendee gets one update', async () => {
    const created = (await chair.api('/me/events').post(meeting())) as Event;
    const before = await read(created.id!);
    const blob = blobOf(before.body!.content!);
    expect(blob).toContain(before.onlineMeeting!.joinUrl!);
    const updated = (await chair
      .api(`/me/events/${created.id}`)
      .patch({ body: { contentType: 'html', content: `<p>Ny dagordning.</p>\n${blob}` } })) as Event;
    expect(updated.isOnlineMeeting).toBe(true);
    expect(updated.onlineMeeting!.joinUrl).toBe(before.onlineMeeting!.joinUrl);
    expect(count(updated.body!.content!, before.onlineMeeting!.joinUrl!)).toBe(1);
    const after = await read(created.id!);
    expect(after.body!.content).toContain('Ny dagordning.');
    expect(await removals(created.iCalUId!)).toEqual([]);
    const updates = (await messages(created.iCalUId!)).filter((m) => m.type === 'update');
    expect(updates.map((m) => m.to).sort()).toEqual([COORDINATOR, PER]);
  });

  it('a body PATCH without the blob turns the online meeting off, on copies too, and the tenant records it', async () => {
    const created = (await chair.api('/me/events').post(meeting())) as Event;
    const joinUrl = created.onlineMeeting!.joinUrl!;
    const updated = (await chair
      .api(`/me/events/${created.id}`)
      .patch({ body: { contentType: 'html', content: '<p>Ny dagordning utan Teams.</p>' } })) as Event;
    expect(updated.isOnlineMeeting).toBe(false);
    expect(updated.onlineMeeting).toBeNull();
    expect(updated.body!.content).toBe('<p>Ny dagordning utan Teams.</p>');
    const [copy] = await copiesOf(created.iCalUId!);
    expect(copy!.isOnlineMeeting).toBe(false);
    expect(copy!.body!.content).toBe('<p>Ny dagordning utan Teams.</p>');
    expect(await removals(created.iCalUId!)).toEqual([expect.objectContaining({ reason: 'bodyWithoutBlob', joinUrl })]);
    // The onlineMeeting is gone with it: its join URL finds nothing.
    const found = (await chair
      .api('/me/onlineMeetings')
      .filter(`JoinWebUrl eq '${joinUrl}'`)
      .get()
      .catch(() => ({ value: [] }))) as { value: unknown[] };
    expect(found.value).toEqual([]);
  });

  it('Calendars.ReadBasic reads no body; without Calendars.Read or ReadBasic the GET is refused in Graph words', async () => {
    const created = (await chair.api('/me/events').post(meeting())) as Event;
    const basic = await startTestTenant({ app: { delegatedPermissions: ['User.Read', 'Calendars.ReadBasic'] } });
    const writeOnly = await startTestTenant({ app: { delegatedPermissions: ['User.Read', 'Calendars.ReadWrite'] } });
    try {
      const full = await chair.api(`/me/events/${created.id}`).select('body,subject').get();
      expect(full).toHaveProperty('body');
      const weak = await userClient(basic, CHAIR);
      const page = (await weak.api('/me/events').top(1).get()) as { value: Event[] };
      const one = (await weak.api(`/me/events/${page.value[0]!.id}`).get()) as Event;
      expect(one).toHaveProperty('subject');
      expect(one).not.toHaveProperty('body');
      expect(one).not.toHaveProperty('bodyPreview');
      const writer = await userClient(writeOnly, CHAIR);
      const mine = (await writer.api('/me/events').post(meeting())) as Event;
      await expect(writer.api(`/me/events/${mine.id}`).select('body').get()).rejects.toMatchObject({
        statusCode: 403,
        message: expect.stringContaining("API requires one of 'Calendars.ReadBasic, Calendars.Read'"),
      });
    } finally {
      await basic.close();
      await writeOnly.close();
    }
  });
});
