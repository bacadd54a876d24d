import { describe, expect, it } from '@jest/globals';
import type { Client } from '@microsoft/microsoft-graph-client';
import { calendarApi } from '../../../api/graph/calendar';
import { meetingBlobOf } from '../../../api/graph/calendar/meetingBlob';
import { GraphConnection } from '../../../api/graph/connection';
import { htmlBlob } from '../../../infra/graph-emulator/src/resources/calendar/meetingBlob';

const JOIN =
  'https://teams.microsoft.com/l/meetup-join/19%3ameeting_ZjM2M2Mz%40thread.v2/0?context=%7b%22Tid%22%3a%22c15d%22%7d';

/** Exchange's block as invitations carry it today (the local tenant writes the same shape). */
const modern = htmlBlob({ joinUrl: JOIN, meetingId: '344674159108', tenantId: 'c15d', organizerId: '249c' });

/** The older block: spans of underscores around the join link, inside Outlook's WordSection. */
const older =
  '<span style="line-height:1;">___________________________________________________</span><br>' +
  '<span style="font-family:\'Segoe UI\',sans-serif;font-size:24px;">Microsoft Teams meeting</span><br><br>' +
  `<strong><span><a href="${JOIN}"><span>Click here to join the meeting</span></a></span></strong><br><br>` +
  '<span style="line-height:1;">___________________________________________________</span>';

describe("meetingBlobOf: Exchange's Teams block found in a body, kept as written", () => {
  it('takes the me-email-text block whole, from its wrapper to the closing tags after the last underscores', () => {
    const body = `<html><head></head><body><p>Dagordning</p>\r\n${modern}</body></html>`;
    expect(meetingBlobOf(body, JOIN)).toBe(modern.trimEnd());
    // Found again in a body the app wrote: its text, then the block it kept.
    const next = `<p>Ny dagordning</p>\n${meetingBlobOf(body, JOIN)}`;
    expect(meetingBlobOf(next, JOIN)).toBe(modern.trimEnd());
  });

  it('takes the older span block from its first underscore line to its last, body and paragraphs left out', () => {
    const body = `<html><body><div class="WordSection1"><p class="MsoNormal">&nbsp;<br><br>${older}<br></p></div></body></html>`;
    expect(meetingBlobOf(body, JOIN)).toBe(older);
  });

  it('finds the link written HTML-escaped and in another letter case', () => {
    const escaped = modern.replace(`href="${JOIN}"`, `href="${JOIN.replace(/%3a/g, '%3A')}"`);
    expect(meetingBlobOf(`<p>x</p>${escaped}`, JOIN)).toContain('Join\r\n the meeting now');
  });

  it('without separators takes the element around the join link; without the link finds nothing', () => {
    const body = `<div><p>Dagordning</p><div class="teams"><a href="${JOIN}">Join</a> ID 344</div></div>`;
    expect(meetingBlobOf(body, JOIN)).toBe(`<div class="teams"><a href="${JOIN}">Join</a> ID 344</div>`);
    expect(meetingBlobOf('<p>Dagordning</p><p>________________________________</p>', JOIN)).toBeUndefined();
    expect(meetingBlobOf('<p>Dagordning</p>', JOIN)).toBeUndefined();
    // Separators around some other text are not the block.
    const before = '<p>____________________________</p><p>x</p><p>____________________________</p>';
    expect(meetingBlobOf(`${before}<a href="${JOIN}">j</a>`, JOIN)).toBe(`<a href="${JOIN}">j</a>`);
  });
});

/** A mailbox of one event: what updateEventBody reads and what it PATCHes. */
function mailbox(event: { isOnlineMeeting: boolean; content: string }) {
  const calls: { method: string; path: string; select?: string; body?: unknown }[] = [];
  const request = (path: string) => {
    let select: string | undefined;
    const api = {
      select: (fields: string) => ((select = fields), api),
      get: async () => {
        calls.push({ method: 'GET', path, ...(select ? { select } : {}) });
        return {
          isOnlineMeeting: event.isOnlineMeeting,
          onlineMeeting: event.isOnlineMeeting ? { joinUrl: JOIN } : null,
          body: { contentType: 'html', content: event.content },
        };
      },
      patch: async (body: { body: { content: string } }) => {
        calls.push({ method: 'PATCH', path, body });
        event.content = body.body.content;
        return {};
      },
    };
    return api;
  };
  const client = { api: request } as unknown as Client;
  return { calls, api: calendarApi(new GraphConnection(client, { baseUrl: 'https://graph', maxRetries: 0 })) };
}

describe('updateEventBody: read the body first, keep the block, fall back to an own link', () => {
  const own = (join: string) => `<p>Ny</p><p><a href="${join}">Anslut</a></p>`;

  it('keeps the block after the new text, and a repeat of the same text PATCHes nothing', async () => {
    const { calls, api } = mailbox({
      isOnlineMeeting: true,
      content: `<html><body><p>Gammal</p>${modern}</body></html>`,
    });
    expect(await api.updateEventBody('chair', 'e1', '<p>Ny</p>', own)).toEqual({ blob: 'kept' });
    expect(calls.map((c) => c.method)).toEqual(['GET', 'PATCH']);
    expect(calls[0]!.select).toBe('body,isOnlineMeeting,onlineMeeting');
    expect(calls[1]!.body).toEqual({ body: { contentType: 'html', content: `<p>Ny</p>\n${modern.trimEnd()}` } });
    expect(await api.updateEventBody('chair', 'e1', '<p>Ny</p>', own)).toEqual({ blob: 'kept' });
    expect(calls.map((c) => c.method)).toEqual(['GET', 'PATCH', 'GET']);
  });

  it('sends the text alone when the event is not online, and the fallback when an online body has no block', async () => {
    const offline = mailbox({ isOnlineMeeting: false, content: '<p>Gammal</p>' });
    expect(await offline.api.updateEventBody('chair', 'e1', '<p>Ny</p>', own)).toEqual({ blob: 'none' });
    expect(offline.calls[1]!.body).toEqual({ body: { contentType: 'html', content: '<p>Ny</p>' } });
    const bare = mailbox({ isOnlineMeeting: true, content: '<p>Gammal, utan Teams-block</p>' });
    expect(await bare.api.updateEventBody('chair', 'e1', '<p>Ny</p>', own)).toEqual({ blob: 'missing', joinUrl: JOIN });
    expect(bare.calls[1]!.body).toEqual({ body: { contentType: 'html', content: own(JOIN) } });
  });
});
