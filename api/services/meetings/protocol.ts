import {
  DomainValidationError,
  DomainRuleError,
  PROTOCOL_KIND_RULES,
  PROTOCOL_STATUSES,
  approveRecord,
  draftRecord,
  hasApproved,
  isLockedStatus,
  lockedRefusal,
  protocolKind,
  requireAnyRole,
  requireRole,
  type MeetingGroup,
  type Attendance,
  type Decision,
  type Organisation,
  type Person,
  type Protocol,
  type ProtocolSections,
} from '../../../src/domain';
import type { GraphGateway, ListItemWithFields } from '../../graph/gateway';
import { ConflictError } from '../../graph/errors';
import { eq } from '../../graph/odata';
import { NotFoundError } from '../errors';
import type { MeetingDecisions } from './decisions';
import type { Acting, MeetingsService } from './service';
import { toDomainMeeting } from './register';
import { attendanceRows, saveAttendance, type AttendanceRow } from './attendance';
import type { ListStores } from '../lists';
import {
  attendanceRequestSchema,
  meetingDecisionSchema,
  protocolApprovalRequestSchema,
  protocolRequestSchema,
} from '../../../src/contract';
import { systemClock, type Clock } from '../ports';
import type { OperationJournal } from '../../state/store';
import type { MeetingMinutes } from './minutes';
import {
  agendaFromRecord,
  approvalInstant,
  approvalsColumn,
  lostAnswer,
  protocolView,
  text,
  versionOf,
  type ApprovalOutcome,
  type ProtocolFields,
  type ProtocolView,
} from './protocolRecord';

export type { ApprovalOutcome, ProtocolView } from './protocolRecord';

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
    /** The points and notes per point (minutes.ts, #16); without it, the dagordning's points and no notes. */
    private readonly minutes?: Pick<MeetingMinutes, 'of' | 'checkSecretary' | 'checkPoint'>,
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
    this.assertUnlocked(protocol, record.group);
    const unknown = request.rows.filter((row) => !people.some((p) => p.email === row.email));
    if (unknown.length > 0) {
      throw new DomainValidationError(
        unknown.map((row) => ({ path: 'rows', message: `${row.email} finns inte i kontaktlistan.` })),
      );
    }
    await saveAttendance(this.lists.attendance, gateway, { id: meetingId, people, stored: stored.items }, request.rows);
    await this.withdrawApprovals(gateway, meetingId, protocol);
    return this.attendance(gateway, meetingId);
  }

  // ------------------------------------------------------------------ beslut

  async decisionsOf(gateway: GraphGateway, meetingId: string): Promise<Decision[]> {
    return this.decisions.forMeeting(gateway, meetingId);
  }

  async recordDecision(gateway: GraphGateway, caller: Acting, meetingId: string, input: unknown): Promise<Decision> {
    requireRole(caller.roles, 'decision.record');
    // Role, then schema, then the first read: a refused decision reads and writes nothing.
    const { agendaItemId } = meetingDecisionSchema.parse(input);
    const [record, protocol] = await Promise.all([
      this.meetings.get(gateway, meetingId),
      this.protocolItem(gateway, meetingId),
    ]);
    this.assertUnlocked(protocol, record.group);
    await this.minutes?.checkPoint(gateway, record, agendaItemId);
    const decision = await this.decisions.record(gateway, toDomainMeeting(record), input);
    await this.withdrawApprovals(gateway, meetingId, protocol);
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

  /** A justerat protokoll, fastställda minnesanteckningar: every change is refused, in the words of the kind. */
  private assertUnlocked(item: ListItemWithFields<ProtocolFields> | undefined, group: MeetingGroup): void {
    if (isLockedStatus(item?.fields.Status)) throw new DomainRuleError('PROTOCOL_LOCKED', lockedRefusal(group));
  }

  /**
   * The text has changed: a new version, whose approval round starts again (an approval of the old text no longer
   * holds, and a card showing it no longer approves). A lost answer or a concurrent change is read again: a version
   * past the one read is a new round already.
   */
  private async withdrawApprovals(
    gateway: GraphGateway,
    meetingId: string,
    item: ListItemWithFields<ProtocolFields> | undefined,
  ) {
    if (!item) return;
    const next = versionOf(item) + 1;
    try {
      await this.lists.protocols.update(gateway, item.id, item.eTag, { Approvals: '[]', Version: next });
    } catch (error) {
      if (!(error instanceof ConflictError || lostAnswer(error))) throw error;
      const now = await this.protocolItem(gateway, meetingId);
      if (!now || versionOf(now) >= next) return;
      await this.lists.protocols.update(gateway, now.id, now.eTag, { Approvals: '[]', Version: versionOf(now) + 1 });
    }
  }

  private async buildProtocol(
    gateway: GraphGateway,
    meetingId: string,
    item: ListItemWithFields<ProtocolFields>,
  ): Promise<{ protocol: Protocol; people: Person[]; version: number }> {
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
    // A protokoll or minnesanteckningar, by the meeting's group (protocolKind).
    const draft = draftRecord({
      id: item.id,
      meeting: toDomainMeeting(record),
      attendance,
      decisions,
      agenda: agendaFromRecord(record),
      secretaryId: text(f.SecretaryEmail) ?? '',
      chairId: text(f.ChairEmail),
      adjusters,
    });
    const status = PROTOCOL_STATUSES.find((s) => s === f.Status) ?? 'utkast';
    const lockedAt = text(f.LockedAt);
    const minutes = await this.minutes?.of(gateway, record);
    const protocol: Protocol = {
      ...draft,
      ...(minutes ? { minutes } : {}),
      ...(f.SecretaryChosenByMeeting === true ? { secretaryChosenByMeeting: true } : {}),
      status,
      approvals: approvalsColumn.read(f.Approvals),
      ...(lockedAt ? { lockedAt: new Date(lockedAt).toISOString() } : {}),
    };
    const people: Person[] = contacts.map((person) => ({ ...person, id: person.email }));
    return { protocol, people, version: versionOf(item) };
  }

  async protocol(gateway: GraphGateway, meetingId: string): Promise<ProtocolView> {
    const item = await this.protocolItem(gateway, meetingId);
    if (!item) return { meetingId, status: 'saknas', adjusterEmails: [], approvals: [], version: 0 };
    const { protocol, people, version } = await this.buildProtocol(gateway, meetingId, item);
    return this.view(meetingId, protocol, people, version);
  }

  private view(meetingId: string, protocol: Protocol, people: Person[], version: number): ProtocolView {
    return protocolView(meetingId, protocol, people, this.organisations, version);
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
    this.assertUnlocked(existing, record.group);
    // The domain's rules first (presence, two different justerare; none for minnesanteckningar), before any write.
    draftRecord({
      id: existing?.id ?? 'nytt',
      meeting: toDomainMeeting(record),
      attendance: rows.filter((row) => row.recorded).map((row) => ({ personId: row.email, present: row.present })),
      decisions,
      agenda: agendaFromRecord(record),
      secretaryId: request.secretaryEmail,
      chairId: request.chairEmail,
      adjusters: request.adjusterEmails,
    });
    const chosenByMeeting = request.secretaryChosenByMeeting === true;
    await this.minutes?.checkSecretary(gateway, request.secretaryEmail, chosenByMeeting);
    const fields: ProtocolFields = {
      Title: `${PROTOCOL_KIND_RULES[protocolKind(record.group)].title} – ${record.title}`.slice(0, 255),
      MeetingId: meetingId,
      Status: 'utkast',
      SecretaryEmail: request.secretaryEmail,
      ChairEmail: request.chairEmail ?? '',
      AdjusterEmails: (request.adjusterEmails ?? []).join(';'),
      Approvals: '[]',
      SecretaryChosenByMeeting: chosenByMeeting,
      // Each draft is a new version: its approval round starts again with the secretary.
      Version: (existing ? versionOf(existing) : 0) + 1,
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
      if (!(error instanceof ConflictError || lostAnswer(error))) throw error;
      const now = await this.protocolItem(gateway, meetingId);
      const keys = Object.keys(fields) as (keyof ProtocolFields)[];
      if (!now || !keys.every((k) => now.fields[k] === fields[k])) throw error;
    }
  }

  /**
   * The tab's approval (body `{ version }`, the version the approver read): an approval of another version is
   * refused with the reason, a repeat by someone who has approved answers the protokoll as it is (#15).
   */
  async approve(gateway: GraphGateway, caller: Acting, meetingId: string, input: unknown = {}): Promise<ProtocolView> {
    const { version } = protocolApprovalRequestSchema.parse(input);
    const { view, outcome } = await this.approval(gateway, caller, meetingId, version);
    if (outcome === 'changed') {
      throw new DomainRuleError('PROTOCOL_CHANGED', PROTOCOL_KIND_RULES[view.kind ?? 'protokoll'].changed);
    }
    return view;
  }

  /**
   * A signer approves in turn (secretary, chair, justerare); the fourth approval locks the protokoll. With
   * `version`, only that version is approved. The approval is found by its natural key (the signer and the
   * instant, journalled per operation): after a lost PATCH answer or a repeat with its key it is this one.
   */
  async approval(
    gateway: GraphGateway,
    caller: Acting,
    meetingId: string,
    version?: number,
  ): Promise<{ view: ProtocolView; outcome: ApprovalOutcome }> {
    requireAnyRole(caller.roles, ['protocol.approve', 'minutes.confirm']);
    const me = caller.person.email;
    const at = await approvalInstant(this.journal, this.clock, meetingId);
    for (let attempt = 0; ; attempt += 1) {
      const item = await this.protocolItem(gateway, meetingId);
      if (!item) throw new DomainRuleError('NO_PROTOCOL', await this.rulesOf(gateway, meetingId, 'missing'));
      const { protocol, people, version: current } = await this.buildProtocol(gateway, meetingId, item);
      requireRole(caller.roles, protocol.kind === 'minnesanteckningar' ? 'minutes.confirm' : 'protocol.approve');
      const mine = protocol.approvals.some((a) => a.personId === me && Date.parse(a.at) === Date.parse(at));
      if (mine)
        return { view: await this.approved(gateway, meetingId, protocol, people, current), outcome: 'approved' };
      if (hasApproved(protocol, me))
        return { view: this.view(meetingId, protocol, people, current), outcome: 'already' };
      if (version !== undefined && version !== current) {
        return { view: this.view(meetingId, protocol, people, current), outcome: 'changed' };
      }
      // An approval in turn of a protokoll, the secretary's fastställande of minnesanteckningar.
      const approved = approveRecord(protocol, me, at);
      try {
        await this.lists.protocols.update(gateway, item.id, item.eTag, {
          Approvals: approvalsColumn.write(approved.approvals),
          Status: approved.status,
          ...(approved.lockedAt ? { LockedAt: approved.lockedAt } : {}),
        });
        return { view: await this.approved(gateway, meetingId, approved, people, current), outcome: 'approved' };
      } catch (error) {
        // Another signer approved at the same moment, or this PATCH's answer was lost (a 412 on its re-send, a
        // dropped answer, a timeout): read again, and an approval there with this instant is this one.
        if (!(error instanceof ConflictError || lostAnswer(error)) || attempt > 1) throw error;
      }
    }
  }

  private async approved(
    gateway: GraphGateway,
    meetingId: string,
    protocol: Protocol,
    people: Person[],
    version: number,
  ) {
    const locked = isLockedStatus(protocol.status);
    if (locked) await this.meetings.complete(gateway, meetingId);
    // Filed by the samordnare ("Arkivera mötet", fileArchive), never as the approver: it waits for them.
    if (locked) await this.archive?.awaiting(meetingId);
    return this.view(meetingId, protocol, people, version);
  }

  /** Files a justerat protokoll's meeting, as the samordnare (their delegated token; once, a repeat files nothing). */
  async fileArchive(gateway: GraphGateway, caller: Acting, meetingId: string): Promise<ProtocolView> {
    requireRole(caller.roles, 'decision.record');
    const item = await this.protocolItem(gateway, meetingId);
    if (!item || !isLockedStatus(item.fields.Status)) {
      throw new DomainRuleError('PROTOCOL_NOT_SIGNED', await this.rulesOf(gateway, meetingId, 'archiveNotYet'));
    }
    const { protocol, people, version } = await this.buildProtocol(gateway, meetingId, item);
    await this.archive?.signed(gateway, meetingId, protocol, people, caller.person.email);
    return this.view(meetingId, protocol, people, version);
  }

  /** A refusal in the words of the meeting's kind (protokoll, minnesanteckningar). */
  private async rulesOf(gateway: GraphGateway, meetingId: string, text: 'missing' | 'archiveNotYet') {
    return PROTOCOL_KIND_RULES[protocolKind((await this.meetings.get(gateway, meetingId)).group)][text];
  }

  /** Everything the PDF prints; only a justerat protokoll is final, a draft says so on every page. */
  async sections(gateway: GraphGateway, meetingId: string): Promise<ProtocolSections> {
    const view = await this.protocol(gateway, meetingId);
    if (!view.sections) throw new NotFoundError('Det finns inget protokoll för mötet ännu.');
    return view.sections;
  }
}
