import { escapeHtml } from '../../html';

/**
 * The Teams meeting blob Exchange writes into an online meeting's body (Microsoft Learn, *Update event*: "preserve
 * the meeting blob for online meeting. Inadvertently removing the meeting blob from the body would disable
 * meeting online"). Its shape follows invitations as Exchange writes them today (see the README, *The Teams
 * meeting blob*): a `me-email-text` block between two lines of underscores, "Microsoft Teams" with a help link,
 * the join link ("Join the meeting now") to `onlineMeeting.joinUrl`, the meeting ID, the organiser's options.
 */

const SEPARATOR = '_'.repeat(80);

export interface BlobMeeting {
  joinUrl: string;
  /** The meeting ID people type to join (the onlineMeeting's joinMeetingId: here the conferenceId). */
  meetingId?: string | null;
  tenantId: string;
  organizerId: string;
}

/** Teams writes the meeting ID in groups of three digits. */
function grouped(id: string): string {
  return id.replace(/(\d{3})(?=\d)/g, '$1 ');
}

const separator = () =>
  `<div aria-hidden="true" style="margin-bottom:24px; overflow:hidden; white-space:nowrap">\r\n${SEPARATOR}</div>\r\n`;

function meetingOptionsUrl(m: BlobMeeting): string {
  const thread = /meetup-join\/([^/]+)\//.exec(m.joinUrl)?.[1] ?? '';
  const query = new URLSearchParams({
    organizerId: m.organizerId,
    tenantId: m.tenantId,
    threadId: decodeURIComponent(thread).replace(':', '_'),
    messageId: '0',
    language: 'en-US',
  });
  return `https://teams.microsoft.com/meetingOptions/?${query.toString()}`;
}

export function htmlBlob(m: BlobMeeting): string {
  const id = m.meetingId
    ? `<div style="margin-bottom:32px"><span class="me-email-text-secondary" style="font-size:14px; color:#616161">Meeting ID:\r\n</span><span class="me-email-text" style="font-size:14px; color:#242424">${escapeHtml(grouped(m.meetingId))}</span>\r\n</div>\r\n`
    : '';
  return (
    `<div class="me-email-text" lang="en-US" style="max-width:1024px; color:#242424; font-family:'Segoe UI','Helvetica Neue',Helvetica,Arial,sans-serif">\r\n` +
    separator() +
    `<div style="margin-bottom:12px"><span class="me-email-text" style="font-size:24px; font-weight:700; margin-right:12px">Microsoft Teams</span>\r\n` +
    `<a href="https://aka.ms/JoinTeamsMeeting?omkt=en-US" id="meet_invite_block.action.help" class="me-email-link" style="font-size:14px; text-decoration:underline; color:#5B5FC7">\r\nNeed help?</a> </div>\r\n` +
    `<div style="margin-bottom:6px"><a href="${escapeHtml(m.joinUrl)}" id="meet_invite_block.action.join_link" title="Meeting join link" class="me-email-headline" style="font-size:20px; font-weight:600; text-decoration:underline; color:#5B5FC7">Join\r\n the meeting now</a> </div>\r\n` +
    id +
    `<div style="margin-bottom:12px; max-width:1024px">\r\n<hr style="border:0; background:#616161; height:1px">\r\n</div>\r\n` +
    `<div><span class="me-email-text-secondary" style="font-size:14px; color:#616161">For organizers:\r\n</span><a href="${escapeHtml(meetingOptionsUrl(m))}" id="meet_invite_block.action.organizer_meet_options" class="me-email-link" style="font-size:14px; text-decoration:underline; color:#5B5FC7">Meeting\r\n options</a> </div>\r\n` +
    `<div style="margin-top:24px; margin-bottom:6px"></div>\r\n` +
    separator() +
    `</div>\r\n`
  );
}

/** The same block in a text body, as Outlook writes it there. */
export function textBlob(m: BlobMeeting): string {
  return [
    SEPARATOR,
    'Microsoft Teams Need help?<https://aka.ms/JoinTeamsMeeting?omkt=en-US>',
    `Join the meeting now<${m.joinUrl}>`,
    ...(m.meetingId ? [`Meeting ID: ${grouped(m.meetingId)}`] : []),
    '________________________________',
    `For organizers: Meeting options<${meetingOptionsUrl(m)}>`,
    SEPARATOR,
    '',
  ].join('\r\n');
}

/** The body with the blob appended: inside `<body>` when the HTML has one, else at the end. */
export function withBlob(contentType: string, content: string, m: BlobMeeting): string {
  if (contentType === 'text') return `${content}${content && !content.endsWith('\n') ? '\r\n' : ''}${textBlob(m)}`;
  const blob = htmlBlob(m);
  const close = content.search(/<\/body\s*>/i);
  if (close >= 0) return `${content.slice(0, close)}${blob}${content.slice(close)}`;
  return `${content}${content ? '\r\n' : ''}${blob}`;
}

/** Whether a body still carries the meeting: its join URL, as written or HTML-escaped (case-insensitive). */
export function carriesJoinUrl(content: string, joinUrl: string): boolean {
  const lower = content.toLowerCase();
  return lower.includes(joinUrl.toLowerCase()) || lower.includes(escapeHtml(joinUrl).toLowerCase());
}

/**
 * The body without the blob this tenant wrote, for an event taken offline by `isOnlineMeeting: false` (the
 * block is removed where it stands unchanged; an edited block is left as the organiser wrote it).
 */
export function withoutBlob(content: string, m: BlobMeeting): string {
  return content.replace(htmlBlob(m), '').replace(textBlob(m), '');
}
