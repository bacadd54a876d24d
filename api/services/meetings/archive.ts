import { createHash } from 'node:crypto';
import type { DriveItem } from '@microsoft/microsoft-graph-types';
import {
  MEETING_GROUP_LABELS,
  PROTOCOL_KIND_RULES,
  protocolSections,
  toCsv,
  type Organisation,
  type Person,
  type Protocol,
  type ProtocolSections,
} from '../../../src/domain';
import { GraphRequestError } from '../../graph/errors';
import type { GraphGateway } from '../../graph/gateway';
import { protocolPdf } from '../documents';
import type { SiteDirectory } from '../lists';
import type { OperationJournal } from '../../state/store';
import { folderName } from './draftRecord';
import { DOCUMENTS_FOLDER } from './draftDocuments';
import { groupMembers, type MeetingRecord } from './register';
import type { MeetingsService } from './service';

/** The library folder the signed meetings are filed under: Arkiv/<year>/<meeting title>. */
export const ARCHIVE_FOLDER = 'Arkiv';

export interface ArchiveInput {
  record: MeetingRecord;
  sections: ProtocolSections;
  /** The group's members: readers of the folder once it is filed. */
  readerEmails: string[];
  producedAt: Date;
}

interface ArchiveFile {
  name: string;
  bytes: Uint8Array;
}

const utf8 = (value: string): Uint8Array => new TextEncoder().encode(value);
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** "2026-03-12T09:00:00+01:00": a UTC instant written in Stockholm's offset of that day. */
export function stockholmIso(utc: string): string {
  const date = new Date(utc);
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Stockholm',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  const wall = `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:${get('second')}`;
  const offsetMinutes = Math.round((Date.parse(`${wall}Z`) - date.getTime()) / 60000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${wall}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** The kallelse as the register keeps what was sent: subject (the meeting's title) and the dagordning. */
function kallelseHtml(record: MeetingRecord): string {
  const lines = (record.agendaText ?? '').split('\n').filter((line) => line.trim() !== '');
  return [
    '<!doctype html>',
    `<html lang="sv"><head><meta charset="utf-8"><title>${escapeHtml(record.title)}</title></head><body>`,
    `<h1>${escapeHtml(record.title)}</h1>`,
    `<p>${escapeHtml(MEETING_GROUP_LABELS[record.group].sv)}, ${escapeHtml(record.date)} ` +
      `${escapeHtml(record.startTime)}–${escapeHtml(record.endTime)}` +
      `${record.location ? `, ${escapeHtml(record.location)}` : ''}</p>`,
    `<ol>${lines.map((line) => `<li>${escapeHtml(line.replace(/^\d+\.\s*/, ''))}</li>`).join('')}</ol>`,
    '</body></html>',
    '',
  ].join('\n');
}

function attendanceCsv(sections: ProtocolSections): string {
  const rows: string[][] = [['Organisation', 'Namn', 'Närvaro']];
  for (const group of sections.narvaro) {
    for (const name of group.present) rows.push([group.organisation, name, 'Närvarande']);
    for (const name of group.absent) rows.push([group.organisation, name, 'Frånvarande']);
  }
  return toCsv(rows);
}

function metadataJson(input: ArchiveInput, files: readonly ArchiveFile[]): string {
  const { record, sections } = input;
  const metadata = {
    schema: 'samverkan-arkiv/1',
    /** What the meeting's record is: `protokoll` (justerat) or `minnesanteckningar` (fastställda, stödgruppen). */
    kind: sections.kind,
    meeting: {
      title: record.title,
      group: record.group,
      groupLabel: MEETING_GROUP_LABELS[record.group].sv,
      start: stockholmIso(record.startUtc),
      end: stockholmIso(record.endUtc),
      timeZone: 'Europe/Stockholm',
      ...(record.location ? { place: record.location } : {}),
    },
    organisationsPresent: sections.narvaro.filter((g) => g.present.length > 0).map((g) => g.organisation),
    decisions: sections.beslut.map((d) => ({ paragraph: d.paragraph, kind: d.kind, text: d.text })),
    documents: files.map((file) => ({ name: file.name, size: file.bytes.length, sha256: sha256(file.bytes) })),
    producedAt: input.producedAt.toISOString(),
  };
  return `${JSON.stringify(metadata, null, 2)}\n`;
}

/**
 * The archive package of a signed protokoll (allmänna handlingar, issue #16): one folder Arkiv/<year>/<title>
 * with kallelse.html, dagordning.txt, the handlingar, narvaro.csv, protokoll.pdf (stödgruppen:
 * minnesanteckningar.pdf) and metadata.json (its `kind` says which), then made
 * read-only for the members. Exactly once: the finished filing is journalled per meeting, and each file is
 * uploaded with conflictBehavior `fail`, a 409 meaning the file is already there (a retry after a crash).
 * Handlingar are copied by download and upload: Graph's `/copy` is asynchronous (202 and a monitor URL), and
 * the bytes are needed here anyway for the checksums of metadata.json.
 */
export class MeetingArchive {
  constructor(
    private readonly site: Pick<SiteDirectory, 'resolveDrive'>,
    private readonly meetings: MeetingsService,
    private readonly organisations: readonly Organisation[],
    private readonly journal?: OperationJournal,
  ) {}

  /**
   * The protokoll is justerat (api/services/meetings/protocol.ts): the filing waits for the samordnare, journalled
   * as "väntar på arkivering" (a meeting already filed stays filed). Nothing is written to the library here: the
   * approver (a justerare, or the app behind a card) never creates the folder and so never owns it.
   */
  async awaiting(meetingId: string): Promise<void> {
    const key = `archive:${meetingId}`;
    const now = await this.journal?.getOperation(key);
    if (now?.status === 'succeeded') return;
    await this.journal?.recordOperation(key, 'started', { state: 'väntar på arkivering' });
  }

  /**
   * Files the meeting of a justerat protokoll as the samordnare ("Arkivera mötet", their delegated token) and
   * links it from Möten. The filer breaks the folder's inheritance and so keeps owner access; every other member
   * (the justerare too) is given read only.
   */
  async signed(gateway: GraphGateway, meetingId: string, protocol: Protocol, people: Person[], filer: string) {
    const record = await this.meetings.get(gateway, meetingId);
    const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
    const webUrl = await this.file(gateway, {
      record,
      sections: protocolSections(protocol, people, this.organisations),
      readerEmails: groupMembers(people, record.group)
        .map((person) => person.email)
        .filter((email) => !same(email, filer)),
      // The instant it was locked, not now: a retry prints the same PDF and the same metadata.json.
      producedAt: new Date(protocol.lockedAt ?? protocol.approvals.at(-1)?.at ?? record.endUtc),
    });
    if (record.archiveUrl !== webUrl) await this.meetings.setArchiveUrl(gateway, record, webUrl);
  }

  /** Files the meeting; answers the folder's web URL (also when it was filed before). */
  async file(gateway: GraphGateway, input: ArchiveInput): Promise<string> {
    const key = `archive:${input.record.id}`;
    const done = (await this.journal?.getOperation(key))?.detail?.webUrl;
    if (this.journal && typeof done === 'string') return done;
    const driveId = await this.site.resolveDrive(gateway);
    const title = folderName(input.record.title);
    const folder = await gateway.ensureFolders(driveId, [ARCHIVE_FOLDER, String(input.record.year), title]);
    const files = [
      { name: 'kallelse.html', bytes: utf8(kallelseHtml(input.record)) },
      { name: 'dagordning.txt', bytes: utf8(`${input.record.agendaText ?? ''}\n`) },
      ...(await this.handlingar(gateway, driveId, title)),
      { name: 'narvaro.csv', bytes: utf8(attendanceCsv(input.sections)) },
      {
        name: PROTOCOL_KIND_RULES[input.sections.kind].archiveFileName,
        bytes: new Uint8Array(await protocolPdf({ sections: input.sections, producedAt: input.producedAt })),
      },
    ];
    // Each file's stored bytes go into metadata.json: after a crash, a file already filed keeps its checksum.
    const stored: ArchiveFile[] = [];
    for (const file of files) stored.push(await this.put(gateway, driveId, String(folder.id), file));
    await this.put(gateway, driveId, String(folder.id), {
      name: 'metadata.json',
      bytes: utf8(metadataJson(input, stored)),
    });
    // Only people in the directory can be given access (a contact without an account has no one to share with).
    // One $batch of 20 addresses per round trip, not one lookup per person.
    const users = await gateway.findUsersByMail(input.readerEmails.filter((email) => email !== ''));
    const readers = [...users].filter(([, user]) => user !== undefined).map(([email]) => email);
    if (readers.length > 0) await gateway.makeReadOnly(driveId, String(folder.id), readers);
    const webUrl = String(folder.webUrl);
    await this.journal?.recordOperation(key, 'succeeded', { webUrl });
    return webUrl;
  }

  /** The meeting's handlingar, from Möteshandlingar/<title> (none when the folder is not there). */
  private async handlingar(gateway: GraphGateway, driveId: string, title: string): Promise<ArchiveFile[]> {
    const source = await gateway.itemAtPath(driveId, [DOCUMENTS_FOLDER, title]);
    if (!source?.id) return [];
    const children: DriveItem[] = await gateway.listFolder(driveId, source.id);
    const files: ArchiveFile[] = [];
    for (const child of children.filter((c) => c.file && c.id && c.name)) {
      files.push({ name: child.name!, bytes: await gateway.downloadFile(driveId, child.id!) });
    }
    return files;
  }

  /** One file, once: 409 (the name is taken in the archive folder) is a retry of this filing; its bytes are read. */
  private async put(gateway: GraphGateway, driveId: string, folderId: string, file: ArchiveFile): Promise<ArchiveFile> {
    try {
      await gateway.uploadFile(driveId, folderId, file.name, file.bytes, { conflictBehavior: 'fail' });
      return file;
    } catch (error) {
      if (!(error instanceof GraphRequestError && error.status === 409)) throw error;
      const there = (await gateway.listFolder(driveId, folderId)).find((item) => item.name === file.name);
      if (!there?.id) throw error;
      return { name: file.name, bytes: await gateway.downloadFile(driveId, there.id) };
    }
  }
}
