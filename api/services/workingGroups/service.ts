import type { AadUserConversationMember } from '@microsoft/microsoft-graph-types';
import {
  assertDecisionKind,
  DECISION_KINDS,
  DomainRuleError,
  DomainValidationError,
  createWorkingGroup,
  parseOrThrow,
  setMembers,
  toIsoDate,
  type Organisation,
} from '../../../src/domain';
import { GraphRequestError } from '../../graph/errors';
import type { GraphGateway, ListItemWithFields } from '../../graph/gateway';
import { firstItemKey } from '../../state/operation';
import type { ServerStateStore } from '../../state/store';
import { toRecord as contactRecordOf, type ContactsService } from '../contacts';
import type { ListStores } from '../lists';
import { type AppointInput, appointSchema } from '../../../src/contract';
import { systemClock } from '../ports';
import { ChannelSetup } from './channelSetup';
import { endGroup } from './ending';
import {
  SHARED_GUEST_REASON,
  STANDARD_NOTE,
  WorkingGroupViews,
  patchGroupItem,
  text,
  userIdOf,
  type ChannelCardPoster,
  type ChannelDifference,
  type WorkingGroupFields,
  type WorkingGroupView,
  type WorkingGroupsOptions,
} from './model';

export {
  SETUP_STEPS,
  type ChannelCardPoster,
  type ChannelDifference,
  type SetupStep,
  type WorkingGroupFields,
  type WorkingGroupMember,
  type WorkingGroupView,
  type WorkingGroupsOptions,
} from './model';

/**
 * Arbetsgrupper: the register (Arbetsgrupper list) and one Teams channel per group. Appointment is
 * resumable: the item is written first, each channel step is journalled, and a repeated appointment of the
 * same name finishes what is missing (never a second channel).
 */
export class WorkingGroupsService {
  private readonly views: WorkingGroupViews;
  private readonly setup: ChannelSetup;

  constructor(
    private readonly lists: Pick<ListStores, 'contacts' | 'workingGroups' | 'decisions'>,
    private readonly contacts: ContactsService,
    organisations: readonly Organisation[],
    private readonly journal: ServerStateStore,
    private readonly options: WorkingGroupsOptions,
  ) {
    this.views = new WorkingGroupViews(organisations);
    this.setup = new ChannelSetup(lists.workingGroups, contacts, journal, this.views, options);
  }

  /** The bot's sender for the welcome card; without one the welcome waits for the next run. */
  useCardPoster(poster: ChannelCardPoster | undefined): void {
    if (poster) this.setup.poster = poster;
    else delete this.setup.poster;
  }

  // Reading

  async list(app: GraphGateway): Promise<WorkingGroupView[]> {
    const [items, people] = await Promise.all([this.items(app), this.contacts.list(app)]);
    return items
      .map((item) => this.views.view(item, people))
      .sort((a, b) => (a.status === b.status ? a.name.localeCompare(b.name, 'sv') : a.status === 'aktiv' ? -1 : 1));
  }

  async get(app: GraphGateway, id: string): Promise<WorkingGroupView> {
    const [item, people] = await Promise.all([this.item(app, id), this.contacts.list(app)]);
    return this.views.view(item, people);
  }

  // Appointing

  /**
   * Registers the group and sets up its channel as `user` (the coordinator, on-behalf-of). A group of the
   * same name whose setup did not finish is resumed; one that did is a duplicate.
   */
  async appoint(user: GraphGateway, app: GraphGateway, input: AppointInput): Promise<WorkingGroupView> {
    const teamId = await this.setup.resolveTeam(user);
    const [contactsRead, groupsRead] = await Promise.all([
      this.lists.contacts.read(app),
      this.lists.workingGroups.read(app),
    ]);
    // Everything the setup reads, in one round trip: the register, the people, the team and its channels.
    const read = await app.readMany({
      contacts: contactsRead,
      items: groupsRead,
      teamMembers: app.teamMembersRead(teamId),
      channels: app.channelsRead(teamId),
    });
    const people = read.contacts.map(contactRecordOf);
    const items = read.items;
    const group = createWorkingGroup(
      {
        id: 'ny',
        name: input.name,
        syfte: input.syfte,
        uppdrag: input.uppdrag,
        ...(input.malsattning ? { malsattning: input.malsattning } : {}),
        memberIds: input.memberIds,
        convenerId: input.convenerId,
        period: input.period,
        membershipType: input.membershipType,
        ...(input.decisionId ? { decisionId: input.decisionId } : {}),
      },
      people.map((p) => p.id),
    );
    const convener = people.find((p) => p.id === group.convenerId);
    if (input.decisionId) await this.assertDecisionExists(app, input.decisionId);

    const sameName = items.find(
      (item) => (text(item.fields.Title) ?? '').toLocaleLowerCase('sv') === group.name.toLocaleLowerCase('sv'),
    );
    // The same operation again (its answer was lost, or the server died after the work) answers the group it
    // made; only someone else's group of that name is a refusal.
    const key = firstItemKey('workingGroups');
    const mine = key !== undefined && sameName !== undefined && text(sameName.fields.OperationKey) === key;
    if (sameName && text(sameName.fields.SetupStep) === 'klar' && !mine)
      throw new DomainRuleError(
        'WORKING_GROUP_DUPLICATE',
        `Det finns redan en arbetsgrupp som heter ”${group.name}”. Välj ett annat namn.`,
      );
    const members = group.memberIds.map((id) => people.find((p) => p.id === id)!);
    const item =
      sameName ??
      (await this.createItem(app, {
        Title: group.name,
        Purpose: group.syfte,
        Assignment: group.uppdrag,
        ...(group.malsattning ? { Goal: group.malsattning } : {}),
        MemberEmails: members.map((m) => m.email).join(';'),
        ConvenerEmail: convener?.email ?? '',
        PeriodStart: group.period.start,
        ...(group.period.end ? { PeriodEnd: group.period.end } : {}),
        Status: 'aktiv',
        MembershipType: group.membershipType,
        ...(group.decisionId ? { DecisionId: group.decisionId } : {}),
        SetupStep: 'registrerad',
      }));
    return this.setup.finish(user, app, item, people, {
      teamId,
      teamMembers: read.teamMembers,
      channels: read.channels,
    });
  }

  /** Finishes an interrupted setup (channel, members, tab, welcome); does nothing twice. */
  async resume(user: GraphGateway, app: GraphGateway, id: string): Promise<WorkingGroupView> {
    const [item, people] = await Promise.all([this.item(app, id), this.contacts.list(app)]);
    return this.setup.finish(user, app, item, people);
  }

  // Membership

  async addMember(user: GraphGateway, app: GraphGateway, id: string, personId: string): Promise<WorkingGroupView> {
    const [item, people] = await Promise.all([this.item(app, id), this.contacts.list(app)]);
    const view = this.views.view(item, people);
    const person = people.find((p) => p.id === personId);
    if (!person)
      throw new DomainValidationError([{ path: 'personId', message: 'Personen finns inte i kontaktlistan.' }]);
    const next = setMembers(this.views.domainGroup(view), [...view.members.map((m) => m.id), personId]);
    const member = this.views.memberOf(person, next.convenerId);
    if (view.channel) {
      const teamId = text(item.fields.TeamId) ?? (await this.setup.resolveTeam(user));
      const resolved = await this.contacts.withObjectIds(user, app, people, [personId]);
      const withId = resolved.find((p) => p.id === personId)!;
      if (view.membershipType !== 'shared') await this.setup.ensureTeamMembers(user, app, teamId, [member], resolved);
      if (view.membershipType === 'private' || (view.membershipType === 'shared' && !member.guest))
        await user.addChannelMember(teamId, view.channel!.id, userIdOf(withId), false);
    }
    const updated = await patchGroupItem(this.lists.workingGroups, app, item, {
      MemberEmails: this.views.memberEmails(next, people),
    });
    return this.views.view(updated, people);
  }

  async removeMember(user: GraphGateway, app: GraphGateway, id: string, personId: string): Promise<WorkingGroupView> {
    const [item, people] = await Promise.all([this.item(app, id), this.contacts.list(app)]);
    const view = this.views.view(item, people);
    if (!view.members.some((m) => m.id === personId))
      throw new DomainValidationError([{ path: 'personId', message: 'Personen är inte medlem i arbetsgruppen.' }]);
    const next = setMembers(
      this.views.domainGroup(view),
      view.members.filter((m) => m.id !== personId).map((m) => m.id),
    );
    const person = people.find((p) => p.id === personId);
    if (view.channel && person && view.membershipType !== 'standard') {
      const teamId = text(item.fields.TeamId) ?? (await this.setup.resolveTeam(user));
      const [withId] = await this.contacts.withObjectIds(user, app, [person], [personId]);
      await this.setup.removeFromChannel(user, app, teamId, view.channel.id, userIdOf(withId!));
    }
    const updated = await patchGroupItem(this.lists.workingGroups, app, item, {
      MemberEmails: this.views.memberEmails(next, people),
    });
    return this.views.view(updated, people);
  }

  /** Who is in the channel but not in the group (added in Teams directly), and the other way round. */
  async channelDifference(app: GraphGateway, id: string): Promise<ChannelDifference> {
    const [item, people] = await Promise.all([this.item(app, id), this.contacts.list(app)]);
    const view = this.views.view(item, people);
    if (!view.channel) return { extra: [], missing: [], note: 'Kanalen är inte skapad ännu.' };
    if (view.membershipType === 'standard') return { extra: [], missing: [], note: STANDARD_NOTE };
    const teamId = text(item.fields.TeamId) ?? this.setup.knownTeamId ?? '';
    const inChannel = (await app.listChannelMembers(teamId, view.channel.id)) as AadUserConversationMember[];
    const groupUserIds = new Map(
      // Someone not yet resolved to an object id cannot be in the channel: they count as missing.
      view.members.map((m) => [people.find((p) => p.id === m.id)?.entraObjectId ?? `ej-uppslagen:${m.id}`, m] as const),
    );
    const extra = inChannel
      .filter((m) => !groupUserIds.has(m.userId ?? ''))
      .map((m) => {
        const person = people.find((p) => p.entraObjectId === m.userId);
        return {
          userId: m.userId ?? '',
          displayName: m.displayName ?? person?.displayName ?? '',
          ...(m.email || person?.email ? { email: m.email ?? person?.email } : {}),
          ...(person ? { personId: person.id } : {}),
        };
      });
    const present = new Set(inChannel.map((m) => m.userId ?? ''));
    const missing = [...groupUserIds.entries()]
      .filter(([userId]) => !present.has(userId))
      .map(([, m]) => ({
        personId: m.id,
        displayName: m.displayName,
        ...(view.membershipType === 'shared' && m.guest ? { reason: SHARED_GUEST_REASON } : {}),
      }));
    return { extra, missing };
  }

  /** Takes someone added in Teams directly into the group (they must be in the contact register). */
  async acceptChannelMember(user: GraphGateway, app: GraphGateway, id: string, userId: string) {
    const people = await this.contacts.list(app);
    const person = people.find((p) => p.entraObjectId === userId);
    if (!person)
      throw new DomainValidationError([
        {
          path: 'userId',
          message: 'Personen finns inte i kontaktlistan. Lägg till hen där först, eller ta bort hen ur kanalen.',
        },
      ]);
    return this.addMember(user, app, id, person.id);
  }

  /** Removes someone added in Teams directly from the channel again. */
  async undoChannelMember(user: GraphGateway, app: GraphGateway, id: string, userId: string): Promise<void> {
    const item = await this.item(app, id);
    const channelId = text(item.fields.ChannelId);
    if (!channelId) throw new DomainRuleError('WORKING_GROUP_NO_CHANNEL', 'Arbetsgruppen har ingen kanal ännu.');
    const teamId = text(item.fields.TeamId) ?? (await this.setup.resolveTeam(user));
    await this.setup.removeFromChannel(user, app, teamId, channelId, userId);
  }

  // Ending

  /** Ends the group with a final report and archives its channel (read-only; nothing is deleted). */
  async end(user: GraphGateway, app: GraphGateway, id: string, finalReport: string): Promise<WorkingGroupView> {
    const [item, people] = await Promise.all([this.item(app, id), this.contacts.list(app)]);
    const view = this.views.view(item, people);
    const today = toIsoDate((this.options.clock ?? systemClock).now());
    const updated = await endGroup({
      user,
      app,
      groups: this.lists.workingGroups,
      journal: this.journal,
      item,
      view,
      domain: this.views.domainGroup(view),
      finalReport,
      today,
      teamId: async () => text(item.fields.TeamId) ?? (await this.setup.resolveTeam(user)),
    });
    return this.views.view(updated, people);
  }

  // Helpers

  private async items(app: GraphGateway): Promise<ListItemWithFields<WorkingGroupFields>[]> {
    return this.lists.workingGroups.find(app);
  }

  private async item(app: GraphGateway, id: string): Promise<ListItemWithFields<WorkingGroupFields>> {
    return this.lists.workingGroups.get(app, id);
  }

  private async createItem(app: GraphGateway, fields: WorkingGroupFields) {
    return this.lists.workingGroups.create(app, fields);
  }

  /** The decision that appoints the group: it must exist and be of kind arbetsgrupp (#17). */
  private async assertDecisionExists(app: GraphGateway, decisionId: string): Promise<void> {
    let kind: unknown;
    try {
      kind = (await this.lists.decisions.get(app, decisionId)).fields.DecisionKind;
    } catch (error) {
      if (error instanceof GraphRequestError && error.status === 404 && error.code !== 'listNotProvisioned')
        throw new DomainValidationError([{ path: 'decisionId', message: 'Beslutet finns inte i beslutslistan.' }]);
      throw error;
    }
    const known = DECISION_KINDS.find((k) => k === kind) ?? 'utvardering';
    assertDecisionKind({ id: decisionId, kind: known }, 'workingGroup');
  }
}

export function parseAppoint(input: unknown): AppointInput {
  return parseOrThrow(appointSchema, input);
}
