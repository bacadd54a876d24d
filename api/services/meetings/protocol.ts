import { z } from 'zod';
import {
  DomainValidationError,
  DomainRuleError,
  MEETING_GROUP_LABELS,
  PROTOCOL_STATUSES,
  approveProtocol,
  draftProtocol,
  protocolSections,
  requireRole,
  type Agenda,
  type Attendance,
  type Decision,
  type Organisation,
  type Person,
  type Protocol,
  type ProtocolApproval,
  type ProtocolSections,
  type ProtocolStatus,
} from '../../../src/domain';
import type { GraphGateway, ListItemWithFields } from '../../graph/gateway';
import { ConflictError, GraphRequestError } from '../../graph/errors';
import { eq } from '../../graph/odata';
import { NotFoundError } from '../errors';
import type { MeetingDecisions } from './decisions';
import type { Acting, MeetingsService } from './service';
import { toDomainMeeting, type MeetingRecord } from './register';
import { attendanceRows, saveAttendance, type AttendanceRow } from './attendance';
import { jsonColumn, type FieldsOf, type ListStores } from '../lists';
import { attendanceRequestSchema, meetingDecisionSchema, protocolRequestSchema } from '../../../src/contract';
import { systemClock, type Clock } from '../ports';
import { currentOperationKey } from '../../state/operation';
import type { OperationJournal } from '../../state/store';

type ProtocolFields = FieldsOf<'protocols'>;

export interface ProtocolView {
  meetingId: string;
  status: ProtocolStatus | 'saknas';
  secretaryEmail?: string;
  chairEmail?: string;
  adjusterEmails: string[];
  approvals: ProtocolApproval[];
  lockedAt?: string;
  sections?: ProtocolSections;
}

const approvalsColumn = jsonColumn(z.array(z.object({ personId: z.string(), at: z.string() })), []);

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** The dagordning as the kallelse sent it, read back from the register's text ("1. Mötets öppnande"). */
function agendaFromRecord(record: MeetingRecord): Agenda {
  const items = (record.agendaText ?? '')
    .split('\n')
    .map((line) => /^(\d+)\. (.+)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ number: Number(match[1]), kind: 'extra' as const, title: match[2] as string }));
  return {
    meetingId: record.id,
    group: record.group,
    groupLabel: MEETING_GROUP_LABELS[record.group].sv,
    meetingTitle: record.title,
    date: record.date,
    startTime: record.startTime,
    endTime: record.endTime,
    ...(record.location ? { location: record.location } : {}),
    items,
    documents: [],
  };
}

/** Närvaro, beslut and protokoll of a held meeting, up to the justerat protokoll as one PDF. */
export class MeetingProtocols {
  constructor(
    private readonly lists: Pick<ListStores, 'attendance' | 'protocols'>,
    private readonly meetings: MeetingsService,
    private readonly decisions: MeetingDecisions,
    private readonly organisations: readonly Organisation[],
    private readonly clock: Clock = systemClock,
    /** Where an approval's step is journalled per operation (api/state); without it, per request. */
    private readonly journal?: OperationJournal,
    private readonly archive?: {
      awaiting(id: string): Promise<void>;
      signed(g: GraphGateway, id: string, p: Protocol, people: Person[], filer: string): Promise<void>;
    },
  ) {}

  // ------------------------------------------------------------------ närvaro

  private async attendanceItems(gateway: GraphGateway, meetingId: string) {
    const items = await this.lists.attendance.find(gateway, eq('MeetingId', meetingId));
    return { items };
  }

  /** Every member of the group, with the stored närvaro where there is one. */
  async attendance(gateway: GraphGateway, meetingId: string): Promise<AttendanceRow[]> {
    const [record, people, { items }] = await Promise.all([
      this.meetings.get(gateway, meetingId),
      this.meetings.people(gateway),
      this.attendanceItems(gateway, meetingId),
    ]);
    return attendanceRows(people, record.group, items);
  }

  async setAttendance(
    gateway: GraphGateway,
    caller: Acting,
    meetingId: string,
    input: unknown,
  ): Promise<AttendanceRow[]> {
    requireRole(caller.roles, 'meeting.attendance');
    const request = attendanceRequestSchema.parse(input);
    const [record, people, stored, protocol] = await Promise.all([
      this.meetings.get(gateway, meetingId),
      this.meetings.people(gateway),
      this.attendanceItems(gateway, meetingId),
      this.protocolItem(gateway, meetingId),
    ]);
    if (record.status === 'installt') throw new DomainRuleError('MEETING_CANCELLED', 'Mötet är inställt.');
    this.assertUnlocked(protocol);
    const unknown = request.rows.filter((row) => !people.some((p) => p.email === row.email));
    if (unknown.length > 0) {
      throw new DomainValidationError(
        unknown.map((row) => ({ path: 'rows', message: `${row.email} finns inte i kontaktlistan.` })),
      );
    }
    await saveAttendance(this.lists.attendance, gateway, { id: meetingId, people, stored: stored.items }, request.rows);
    await this.withdrawApprovals(gateway, protocol);
    return this.attendance(gateway, meetingId);
  }

  // ------------------------------------------------------------------ beslut

  async decisionsOf(gateway: GraphGateway, meetingId: string): Promise<Decision[]> {
    return this.decisions.forMeeting(gateway, meetingId);
  }

  async recordDecision(gateway: GraphGateway, caller: Acting, meetingId: string, input: unknown): Promise<Decision> {
    requireRole(caller.roles, 'decision.record');
    // Role, then schema, then the first read: a refused decision reads and writes nothing.
    meetingDecisionSchema.parse(input);
    const [record, protocol] = await Promise.all([
      this.meetings.get(gateway, meetingId),
      this.protocolItem(gateway, meetingId),
    ]);
    this.assertUnlocked(protocol);
    const decision = await this.decisions.record(gateway, toDomainMeeting(record), input);
    await this.withdrawApprovals(gateway, protocol);
    return decision;
  }

  // ------------------------------------------------------------------ protokoll

  private async protocolItem(
    gateway: GraphGateway,
    meetingId: string,
  ): Promise<ListItemWithFields<ProtocolFields> | undefined> {
    const items = await this.lists.protocols.find(gateway, eq('MeetingId', meetingId));
    return items.sort((a, b) => Number(a.id) - Number(b.id))[0];
  }

  private assertUnlocked(item: ListItemWithFields<ProtocolFields> | undefined): void {
    if (item?.fields.Status === 'justerat') {
      throw new DomainRuleError('PROTOCOL_LOCKED', 'Protokollet är justerat och kan inte ändras.');
    }
  }

  /** A justerare approved a text that has now changed: their approval no longer holds. */
  private async withdrawApprovals(gateway: GraphGateway, item: ListItemWithFields<ProtocolFields> | undefined) {
    if (!item || !text(item.fields.Approvals) || item.fields.Approvals === '[]') return;
    await this.lists.protocols.update(gateway, item.id, item.eTag, { Approvals: '[]' });
  }

  private async buildProtocol(
    gateway: GraphGateway,
    meetingId: string,
    item: ListItemWithFields<ProtocolFields>,
  ): Promise<{ protocol: Protocol; people: Person[] }> {
    const [record, rows, decisions, contacts] = await Promise.all([
      this.meetings.get(gateway, meetingId),
      this.attendance(gateway, meetingId),
      this.decisions.forMeeting(gateway, meetingId),
      this.meetings.people(gateway),
    ]);
    const f = item.fields;
    const adjusters = (text(f.AdjusterEmails) ?? '').split(';').filter(Boolean);
    const attendance: Attendance[] = rows
      .filter((row) => row.recorded)
      .map((row) => ({ personId: row.email, present: row.present }));
    const draft = draftProtocol({
      id: item.id,
      meeting: toDomainMeeting(record),
      attendance,
      decisions,
      agenda: agendaFromRecord(record),
      secretaryId: text(f.SecretaryEmail) ?? '',
      chairId: text(f.ChairEmail) ?? '',
      adjusters,
    });
    const status = PROTOCOL_STATUSES.find((s) => s === f.Status) ?? 'utkast';
    const lockedAt = text(f.LockedAt);
    const protocol: Protocol = {
      ...draft,
      status,
      approvals: approvalsColumn.read(f.Approvals),
      ...(lockedAt ? { lockedAt: new Date(lockedAt).toISOString() } : {}),
    };
    const people: Person[] = contacts.map((person) => ({ ...person, id: person.email }));
    return { protocol, people };
  }

  async protocol(gateway: GraphGateway, meetingId: string): Promise<ProtocolView> {
    const item = await this.protocolItem(gateway, meetingId);
    if (!item) return { meetingId, status: 'saknas', adjusterEmails: [], approvals: [] };
    const { protocol, people } = await this.buildProtocol(gateway, meetingId, item);
    return this.view(meetingId, protocol, people);
  }

  private view(meetingId: string, protocol: Protocol, people: Person[]): ProtocolView {
    return {
      meetingId,
      status: protocol.status,
      secretaryEmail: protocol.secretaryId,
      chairEmail: protocol.chairId,
      adjusterEmails: [...protocol.adjusters],
      approvals: protocol.approvals,
      ...(protocol.lockedAt ? { lockedAt: protocol.lockedAt } : {}),
      sections: protocolSections(protocol, people, this.organisations),
    };
  }

  /** Drafts (or redrafts) the protokoll: secretary, chair and two justerare, who must all have been present. */
  async draft(gateway: GraphGateway, caller: Acting, meetingId: string, input: unknown): Promise<ProtocolView> {
    requireRole(caller.roles, 'decision.record');
    const request = protocolRequestSchema.parse(input);
    const [record, rows, decisions, existing] = await Promise.all([
      this.meetings.get(gateway, meetingId),
      this.attendance(gateway, meetingId),
      this.decisions.forMeeting(gateway, meetingId),
      this.protocolItem(gateway, meetingId),
    ]);
    this.assertUnlocked(existing);
    // The domain's rules first (presence, two different justerare), before anything is written.
    draftProtocol({
      id: existing?.id ?? 'nytt',
      meeting: toDomainMeeting(record),
      attendance: rows.filter((row) => row.recorded).map((row) => ({ personId: row.email, present: row.present })),
      decisions,
      agenda: agendaFromRecord(record),
      secretaryId: request.secretaryEmail,
      chairId: request.chairEmail,
      adjusters: request.adjusterEmails,
    });
    const fields: ProtocolFields = {
      Title: `Protokoll – ${record.title}`.slice(0, 255),
      MeetingId: meetingId,
      Status: 'utkast',
      SecretaryEmail: request.secretaryEmail,
      ChairEmail: request.chairEmail,
      AdjusterEmails: request.adjusterEmails.join(';'),
      Approvals: '[]',
    };
    await this.writeDraft(gateway, meetingId, existing, fields);
    return this.protocol(gateway, meetingId);
  }

  /**
   * One protokoll per meeting (its natural key): a create whose answer was lost is found, not doubled. A
   * redraft's If-Match PATCH whose answer was lost (dropped, or its re-send met its own write: 412): when the
   * item holds exactly this draft, that is no one else's change and the draft stands.
   */
  private async writeDraft(
    gateway: GraphGateway,
    meetingId: string,
    existing: ListItemWithFields<ProtocolFields> | undefined,
    fields: ProtocolFields,
  ): Promise<void> {
    if (!existing) {
      await this.lists.protocols.createOnce(gateway, fields, `protocol:${meetingId}`);
      return;
    }
    try {
      await this.lists.protocols.update(gateway, existing.id, existing.eTag, fields);
    } catch (error) {
      const lost = error instanceof GraphRequestError && error.transient && error.status !== 429;
      if (!(error instanceof ConflictError || lost)) throw error;
      const now = await this.protocolItem(gateway, meetingId);
      const keys = Object.keys(fields) as (keyof ProtocolFields)[];
      if (!now || !keys.every((k) => now.fields[k] === fields[k])) throw error;
    }
  }

  /**
   * A justerare approves; the second approval locks the protokoll. The approval is found by its natural key (the
   * justerare and the instant, journalled per operation): after a lost PATCH answer or a repeat with its key,
   * the approval there is this one, answered with the protokoll, not "Du har redan justerat".
   */
  async approve(gateway: GraphGateway, caller: Acting, meetingId: string): Promise<ProtocolView> {
    requireRole(caller.roles, 'protocol.approve');
    const me = caller.person.email;
    const at = await this.approvalInstant(meetingId);
    for (let attempt = 0; ; attempt += 1) {
      const item = await this.protocolItem(gateway, meetingId);
      if (!item) throw new DomainRuleError('NO_PROTOCOL', 'Det finns inget protokoll att justera ännu.');
      const { protocol, people } = await this.buildProtocol(gateway, meetingId, item);
      const mine = protocol.approvals.some((a) => a.personId === me && Date.parse(a.at) === Date.parse(at));
      if (mine) return this.approved(gateway, meetingId, protocol, people);
      const approved = approveProtocol(protocol, me, at);
      try {
        await this.lists.protocols.update(gateway, item.id, item.eTag, {
          Approvals: approvalsColumn.write(approved.approvals),
          Status: approved.status,
          ...(approved.lockedAt ? { LockedAt: approved.lockedAt } : {}),
        });
        return await this.approved(gateway, meetingId, approved, people);
      } catch (error) {
        // The other justerare approved at the same moment, or this PATCH's answer was lost (a 412 on its
        // re-send, a dropped answer, a timeout): read again, and an approval there with this instant is this one.
        const lost = error instanceof GraphRequestError && error.transient && error.status !== 429;
        if (!(error instanceof ConflictError || lost) || attempt > 1) throw error;
      }
    }
  }

  /** The instant of this operation's approval: journalled, so that a repeat of the operation finds its own. */
  private async approvalInstant(meetingId: string): Promise<string> {
    const operation = currentOperationKey();
    const now = this.clock.now().toISOString();
    if (!this.journal || !operation) return now;
    const key = `protocol:${meetingId}:approval:${operation}`;
    const earlier = (await this.journal.getOperation(key))?.detail?.at;
    if (typeof earlier === 'string') return earlier;
    await this.journal.recordOperation(key, 'started', { at: now });
    return now;
  }

  private async approved(gateway: GraphGateway, meetingId: string, protocol: Protocol, people: Person[]) {
    if (protocol.status === 'justerat') await this.meetings.complete(gateway, meetingId);
    // Filed by the samordnare ("Arkivera mötet", fileArchive), never as the approver: it waits for them.
    if (protocol.status === 'justerat') await this.archive?.awaiting(meetingId);
    return this.view(meetingId, protocol, people);
  }

  /** Files a justerat protokoll's meeting, as the samordnare (their delegated token; once, a repeat files nothing). */
  async fileArchive(gateway: GraphGateway, caller: Acting, meetingId: string): Promise<ProtocolView> {
    requireRole(caller.roles, 'decision.record');
    const item = await this.protocolItem(gateway, meetingId);
    if (item?.fields.Status !== 'justerat') {
      throw new DomainRuleError('PROTOCOL_NOT_SIGNED', 'Mötet arkiveras när protokollet är justerat.');
    }
    const { protocol, people } = await this.buildProtocol(gateway, meetingId, item);
    await this.archive?.signed(gateway, meetingId, protocol, people, caller.person.email);
    return this.view(meetingId, protocol, people);
  }

  /** Everything the PDF prints; only a justerat protokoll is final, a draft says so on every page. */
  async sections(gateway: GraphGateway, meetingId: string): Promise<ProtocolSections> {
    const view = await this.protocol(gateway, meetingId);
    if (!view.sections) throw new NotFoundError('Det finns inget protokoll för mötet ännu.');
    return view.sections;
  }
}
