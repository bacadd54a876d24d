import type { AadUserConversationMember, Channel, ConversationMember } from '@microsoft/microsoft-graph-types';
import {
  DomainRuleError,
  DomainValidationError,
  MEMBERSHIP_TYPES,
  WORKING_GROUP_STATUSES,
  channelNameFor,
  createWorkingGroup,
  endWorkingGroup,
  hostOrganisation,
  parseOrThrow,
  setMembers,
  toIsoDate,
  type MembershipType,
  type Organisation,
  type WorkingGroup,
  type WorkingGroupStatus,
} from '../../../src/domain';
import { dateOnlyFromGraph } from '../../graph/dates';
import { ConflictError, GraphRequestError } from '../../graph/errors';
import { channelNamed, userIdOfMember, type ChannelMemberSpec } from '../../graph/teams';
import type { GraphGateway, ListItemWithFields } from '../../graph/gateway';
import type { ServerStateStore } from '../../state/store';
import { toRecord as contactRecordOf, type ContactRecord, type ContactsService } from '../contacts';
import type { FieldsOf, ListStores } from '../lists';
import { welcomeCard, type AdaptiveCardJson } from './card';
import { type AppointInput, appointSchema } from '../../../src/contract';
import { systemClock, type Clock, type Logger } from '../ports';

/** Arbetsgrupper's fields by internal name (see listSchema). */
/** Arbetsgrupper's fields by internal name (lists/schema.ts). */
export type WorkingGroupFields = FieldsOf<'workingGroups'>;

export const SETUP_STEPS = ['registrerad', 'kanal', 'klar'] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];

/**
 * Posts a card in a channel as the bot (app-only Graph cannot post channel messages). The composition root
 * implements it with the bot's proactive sender; a new channel's conversation id is the channel id.
 */
export interface ChannelCardPoster {
  postToChannel(
    target: { teamId: string; channelId: string },
    card: AdaptiveCardJson,
    summary: string,
  ): Promise<{ activityId?: string }>;
}

export interface WorkingGroupMember {
  id: string;
  displayName: string;
  email: string;
  organisationId: string;
  organisationName: string;
  convener: boolean;
  /** A person of another organisation: a guest in the Region's tenant. */
  guest: boolean;
}

export interface WorkingGroupView {
  id: string;
  etag: string;
  name: string;
  syfte: string;
  uppdrag: string;
  malsattning?: string;
  members: WorkingGroupMember[];
  convenerId: string;
  period: { start: string; end?: string };
  status: WorkingGroupStatus;
  membershipType: MembershipType;
  decisionId?: string;
  finalReport?: string;
  channel?: { id: string; name: string; webUrl?: string };
  setupStep: SetupStep;
  /** Members who are not in the channel and why (e.g. guests of a shared channel), in Swedish. */
  notInChannel: { personId: string; reason: string }[];
}

export interface ChannelDifference {
  /** In the channel (added in Teams directly) but not in the group. */
  extra: { userId: string; displayName: string; email?: string; personId?: string }[];
  /** In the group but not in the channel. */
  missing: { personId: string; displayName: string; reason?: string }[];
  /** Why there is nothing to compare (a standard channel is the whole team). */
  note?: string;
}

const SHARED_GUEST_REASON =
  'Delade kanaler tar inte emot gäster: medlemmar från andra organisationer ansluts med B2B direct connect och läggs till av sin egen organisations team.';
const STANDARD_NOTE = 'En standardkanal visar hela teamet; medlemskapet följer teamet.';
const TAB_NAME = 'Arbetsgruppen';

interface SetupJournal extends Record<string, unknown> {
  channelName?: string;
  channelId?: string;
  tabId?: string;
  welcomeActivityId?: string;
  /** Why the welcome card could not be posted on the last run (cleared once it is). */
  welcomeProblem?: string;
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
const emails = (value: unknown) =>
  (text(value) ?? '')
    .split(';')
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean);

function oneOf<T extends string>(values: readonly T[], value: unknown, fallback: T): T {
  return typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : fallback;
}

export interface WorkingGroupsOptions {
  /** The Team the channels are made in; when absent, the coordinator's (only) joined team. */
  teamId?: string;
  /** The Teams manifest's id: the tab binds the org catalog id of the app installed in the team with it. */
  teamsAppExternalId: string;
  /** Where the tab's page lives (the server's public URL). */
  publicUrl: string;
  clock?: Clock;
  logger?: Logger;
}

/**
 * Arbetsgrupper: the register (Arbetsgrupper list) and one Teams channel per group. Appointment is
 * resumable: the item is written first, each channel step is journalled, and a repeated appointment of the
 * same name finishes what is missing (never a second channel).
 */
export class WorkingGroupsService {
  private poster?: ChannelCardPoster;
  private teamId?: string;
  private readonly catalogIds = new Map<string, string>();

  constructor(
    private readonly lists: Pick<ListStores, 'contacts' | 'workingGroups' | 'decisions'>,
    private readonly contacts: ContactsService,
    private readonly organisations: readonly Organisation[],
    private readonly journal: ServerStateStore,
    private readonly options: WorkingGroupsOptions,
  ) {
    this.teamId = options.teamId;
  }

  /** The bot's sender for the welcome card; without one the welcome waits for the next run. */
  useCardPoster(poster: ChannelCardPoster | undefined): void {
    this.poster = poster;
  }

  // Reading

  async list(app: GraphGateway): Promise<WorkingGroupView[]> {
    const [items, people] = await Promise.all([this.items(app), this.contacts.list(app)]);
    return items
      .map((item) => this.view(item, people))
      .sort((a, b) => (a.status === b.status ? a.name.localeCompare(b.name, 'sv') : a.status === 'aktiv' ? -1 : 1));
  }

  async get(app: GraphGateway, id: string): Promise<WorkingGroupView> {
    const [item, people] = await Promise.all([this.item(app, id), this.contacts.list(app)]);
    return this.view(item, people);
  }

  // Appointing

  /**
   * Registers the group and sets up its channel as `user` (the coordinator, on-behalf-of). A group of the
   * same name whose setup did not finish is resumed; one that did is a duplicate.
   */
  async appoint(user: GraphGateway, app: GraphGateway, input: AppointInput): Promise<WorkingGroupView> {
    const teamId = await this.resolveTeam(user);
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
    if (sameName && text(sameName.fields.SetupStep) === 'klar')
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
    return this.finishSetup(user, app, item, people, {
      teamId,
      teamMembers: read.teamMembers,
      channels: read.channels,
    });
  }

  /** Finishes an interrupted setup (channel, members, tab, welcome); does nothing twice. */
  async resume(user: GraphGateway, app: GraphGateway, id: string): Promise<WorkingGroupView> {
    const [item, people] = await Promise.all([this.item(app, id), this.contacts.list(app)]);
    return this.finishSetup(user, app, item, people);
  }

  private async finishSetup(
    user: GraphGateway,
    app: GraphGateway,
    item: ListItemWithFields<WorkingGroupFields>,
    people: ContactRecord[],
    known?: TeamSnapshot,
  ): Promise<WorkingGroupView> {
    let view = this.view(item, people);
    if (view.setupStep === 'klar' && view.channel) return view;
    people = await this.contacts.withObjectIds(
      user,
      app,
      people,
      view.members.map((m) => m.id),
    );
    view = this.view(item, people);
    const key = `workingGroup:${item.id}:setup`;
    const journal: SetupJournal = { ...((await this.journal.getOperation(key))?.detail ?? {}) };
    const save = () => this.journal.recordOperation(key, 'started', journal);
    const teamId = known?.teamId ?? (await this.resolveTeam(user));
    const inChannel = view.members.filter((m) => !(view.membershipType === 'shared' && m.guest));
    const convener = view.members.find((m) => m.convener);

    let owner: { id: string; displayName: string; instead: boolean } | undefined;
    // A first run (nothing journalled) needs the names in use; a resumed one looks its channel up instead.
    const firstRun = !journal.channelId && !journal.channelName;
    const [, channelsNow] = await Promise.all([
      view.membershipType !== 'shared'
        ? this.ensureTeamMembers(user, app, teamId, view.members, people, known?.teamMembers)
        : undefined,
      known?.channels ?? (firstRun ? app.listChannels(teamId) : undefined),
    ]);
    const namesInUse = channelsNow?.map((c) => c.displayName ?? '');

    let channel: Channel | undefined;
    let created = false;
    if (journal.channelId) {
      channel =
        known?.channels.find((c) => c.id === journal.channelId) ?? (await app.getChannel(teamId, journal.channelId));
    } else {
      if (journal.channelName)
        channel = known
          ? channelNamed(known.channels, journal.channelName)
          : await app.findChannelByName(teamId, journal.channelName);
      if (!channel) {
        journal.channelName ??= channelNameFor(view.name, namesInUse ?? []);
        await save();
        owner ??= await this.ownerIfPrivate(user, view, convener, people);
        channel = await this.createChannel(
          user,
          app,
          teamId,
          journal.channelName,
          view,
          inChannel,
          convener,
          people,
          owner,
        );
        created = true;
        if (!channel.webUrl) channel = await app.getChannel(teamId, String(channel.id));
      }
      journal.channelId = String(channel.id);
      await save();
    }
    const channelId = String(channel.id);

    // A private channel just made has its members from the create call; a shared one has only its owner.
    if (view.membershipType === 'shared' && created)
      await this.addChannelMembers(
        user,
        teamId,
        channelId,
        inChannel.filter((m) => !m.convener),
        people,
      );
    else if (view.membershipType !== 'standard' && !created)
      await this.reconcileChannelMembers(user, app, teamId, channelId, inChannel, people);

    if (!journal.tabId) {
      const pageUrl = this.pageUrl(item.id);
      const teamsAppId = await this.catalogIdIn(app, teamId);
      // An app installed in the team is not in a shared channel until it is enabled there (as the samordnare).
      if (view.membershipType === 'shared') await user.enableAppInChannel(teamId, channelId, teamsAppId);
      const tab = await app.addChannelTab(teamId, channelId, {
        displayName: TAB_NAME,
        teamsAppId,
        entityId: `arbetsgrupp-${item.id}`,
        contentUrl: `${this.options.publicUrl}/?view=arbetsgrupper#/arbetsgrupper/${item.id}`,
        websiteUrl: pageUrl,
      });
      journal.tabId = String(tab.id);
      await save();
    }

    if (!journal.welcomeActivityId && this.poster) {
      owner ??= await this.ownerIfPrivate(user, view, convener, people);
      const card = welcomeCard({
        ...(owner?.instead ? { channelOwner: owner.displayName } : {}),
        name: view.name,
        syfte: view.syfte,
        uppdrag: view.uppdrag,
        ...(view.malsattning ? { malsattning: view.malsattning } : {}),
        members: view.members,
        period: view.period,
        membershipType: view.membershipType,
        pageUrl: this.pageUrl(item.id),
      });
      try {
        const posted = await this.poster.postToChannel(
          { teamId, channelId },
          card,
          `Välkommen till arbetsgruppen ${view.name}`,
        );
        journal.welcomeActivityId = posted.activityId ?? 'skickat';
        delete journal.welcomeProblem;
        await save();
      } catch (error) {
        // The channel is usable without the card; the setup stays at 'kanal' and a resume posts it.
        this.options.logger?.warn({ err: error, workingGroupId: item.id }, 'welcome card not posted');
        journal.welcomeProblem = error instanceof Error ? error.message : String(error);
        await save();
      }
    }

    const updated = await this.patchItem(app, item, {
      TeamId: teamId,
      ChannelId: channelId,
      ChannelName: String(channel.displayName ?? journal.channelName ?? ''),
      ...(channel.webUrl ? { ChannelWebUrl: channel.webUrl } : {}),
      SetupStep: journal.welcomeActivityId ? 'klar' : 'kanal',
    });
    await this.journal.recordOperation(key, journal.welcomeActivityId ? 'succeeded' : 'started', journal);
    return this.view(updated, people);
  }

  private async createChannel(
    user: GraphGateway,
    app: GraphGateway,
    teamId: string,
    displayName: string,
    view: WorkingGroupView,
    inChannel: WorkingGroupMember[],
    convener: WorkingGroupMember | undefined,
    people: ContactRecord[],
    owners?: { id: string },
  ): Promise<Channel> {
    const userIdOf = (m: WorkingGroupMember) => this.userIdOf(people.find((p) => p.id === m.id)!);
    // Channel roles are 'owner' or empty (channel-post-members); a guest is never an owner.
    let members: ChannelMemberSpec[] | undefined;
    if (view.membershipType !== 'standard') {
      const owner = (owners ?? (await this.channelOwner(user, convener, people))).id;
      const spec = (userId: string): ChannelMemberSpec => ({ userId, role: userId === owner ? 'owner' : 'member' });
      if (view.membershipType === 'private') {
        members = inChannel.map((m) => spec(userIdOf(m)));
        if (!inChannel.some((m) => userIdOf(m) === owner)) members.unshift(spec(owner));
      } else members = [spec(owner)];
    }
    // On a name conflict the app looks the channel up: it sees private channels the coordinator may not.
    const { channel } = await user.ensureChannel(
      teamId,
      { displayName, description: view.syfte, membershipType: view.membershipType, ...(members ? { members } : {}) },
      app,
    );
    return channel;
  }

  /**
   * Who owns a private or shared channel: the sammankallande when they belong to the Region's tenant; when they
   * are a guest (Teams refuses a guest owner), the appointing samordnare, who is signed in.
   */
  private async channelOwner(
    user: GraphGateway,
    convener: WorkingGroupMember | undefined,
    people: ContactRecord[],
  ): Promise<{ id: string; displayName: string; instead: boolean }> {
    const person = convener ? people.find((p) => p.id === convener.id) : undefined;
    if (person && convener && !convener.guest)
      return { id: this.userIdOf(person), displayName: person.displayName, instead: false };
    const me = await user.me();
    if (!me.id)
      throw new DomainRuleError('WORKING_GROUP_NO_OWNER', 'Kanalen behöver en ägare i regionens organisation.');
    return { id: me.id, displayName: me.displayName ?? '', instead: true };
  }

  private async ownerIfPrivate(
    user: GraphGateway,
    view: WorkingGroupView,
    convener: WorkingGroupMember | undefined,
    people: ContactRecord[],
  ) {
    return view.membershipType === 'standard' ? undefined : this.channelOwner(user, convener, people);
  }

  /** People of other organisations join the team as guests; a private channel needs them in the team first. */
  private async ensureTeamMembers(
    user: GraphGateway,
    app: GraphGateway,
    teamId: string,
    members: WorkingGroupMember[],
    people: ContactRecord[],
    teamMembers?: ConversationMember[],
  ): Promise<void> {
    const inTeam = new Set((teamMembers ?? (await app.listTeamMembers(teamId))).map(userIdOfMember));
    const missing = members.filter((m) => !inTeam.has(this.userIdOf(people.find((p) => p.id === m.id)!)));
    await Promise.all(
      missing.map((member) => {
        const userId = this.userIdOf(people.find((p) => p.id === member.id)!);
        return user.addTeamMember(teamId, userId, member.guest);
      }),
    );
  }

  private async reconcileChannelMembers(
    user: GraphGateway,
    app: GraphGateway,
    teamId: string,
    channelId: string,
    inChannel: WorkingGroupMember[],
    people: ContactRecord[],
  ): Promise<void> {
    const present = new Set((await app.listChannelMembers(teamId, channelId)).map(userIdOfMember));
    const missing = inChannel.filter((m) => !present.has(this.userIdOf(people.find((p) => p.id === m.id)!)));
    await this.addChannelMembers(user, teamId, channelId, missing, people);
  }

  private async addChannelMembers(
    user: GraphGateway,
    teamId: string,
    channelId: string,
    members: WorkingGroupMember[],
    people: ContactRecord[],
  ): Promise<void> {
    await Promise.all(
      members.map((member) => {
        const userId = this.userIdOf(people.find((p) => p.id === member.id)!);
        return user.addChannelMember(teamId, channelId, userId, member.convener && !member.guest);
      }),
    );
  }

  // Membership

  async addMember(user: GraphGateway, app: GraphGateway, id: string, personId: string): Promise<WorkingGroupView> {
    const [item, people] = await Promise.all([this.item(app, id), this.contacts.list(app)]);
    const view = this.view(item, people);
    const person = people.find((p) => p.id === personId);
    if (!person)
      throw new DomainValidationError([{ path: 'personId', message: 'Personen finns inte i kontaktlistan.' }]);
    const next = setMembers(this.domainGroup(view), [...view.members.map((m) => m.id), personId]);
    const member = this.memberOf(person, next.convenerId);
    if (view.channel) {
      const teamId = text(item.fields.TeamId) ?? (await this.resolveTeam(user));
      const resolved = await this.contacts.withObjectIds(user, app, people, [personId]);
      const withId = resolved.find((p) => p.id === personId)!;
      if (view.membershipType !== 'shared') await this.ensureTeamMembers(user, app, teamId, [member], resolved);
      if (view.membershipType === 'private' || (view.membershipType === 'shared' && !member.guest))
        await user.addChannelMember(teamId, view.channel!.id, this.userIdOf(withId), false);
    }
    const updated = await this.patchItem(app, item, { MemberEmails: this.memberEmails(next, people) });
    return this.view(updated, people);
  }

  async removeMember(user: GraphGateway, app: GraphGateway, id: string, personId: string): Promise<WorkingGroupView> {
    const [item, people] = await Promise.all([this.item(app, id), this.contacts.list(app)]);
    const view = this.view(item, people);
    if (!view.members.some((m) => m.id === personId))
      throw new DomainValidationError([{ path: 'personId', message: 'Personen är inte medlem i arbetsgruppen.' }]);
    const next = setMembers(
      this.domainGroup(view),
      view.members.filter((m) => m.id !== personId).map((m) => m.id),
    );
    const person = people.find((p) => p.id === personId);
    if (view.channel && person && view.membershipType !== 'standard') {
      const teamId = text(item.fields.TeamId) ?? (await this.resolveTeam(user));
      const [withId] = await this.contacts.withObjectIds(user, app, [person], [personId]);
      await this.removeFromChannel(user, app, teamId, view.channel.id, this.userIdOf(withId!));
    }
    const updated = await this.patchItem(app, item, { MemberEmails: this.memberEmails(next, people) });
    return this.view(updated, people);
  }

  /** Who is in the channel but not in the group (added in Teams directly), and the other way round. */
  async channelDifference(app: GraphGateway, id: string): Promise<ChannelDifference> {
    const [item, people] = await Promise.all([this.item(app, id), this.contacts.list(app)]);
    const view = this.view(item, people);
    if (!view.channel) return { extra: [], missing: [], note: 'Kanalen är inte skapad ännu.' };
    if (view.membershipType === 'standard') return { extra: [], missing: [], note: STANDARD_NOTE };
    const teamId = text(item.fields.TeamId) ?? this.teamId ?? '';
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
    const teamId = text(item.fields.TeamId) ?? (await this.resolveTeam(user));
    await this.removeFromChannel(user, app, teamId, channelId, userId);
  }

  private async removeFromChannel(
    user: GraphGateway,
    app: GraphGateway,
    teamId: string,
    channelId: string,
    userId: string,
  ): Promise<void> {
    const membership = (await app.listChannelMembers(teamId, channelId)).find((m) => userIdOfMember(m) === userId);
    if (!membership?.id) return;
    await user.removeChannelMember(teamId, channelId, membership.id);
  }

  // Ending

  /** Ends the group with a final report and archives its channel (read-only; nothing is deleted). */
  async end(user: GraphGateway, app: GraphGateway, id: string, finalReport: string): Promise<WorkingGroupView> {
    const [item, people] = await Promise.all([this.item(app, id), this.contacts.list(app)]);
    const view = this.view(item, people);
    const today = toIsoDate((this.options.clock ?? systemClock).now());
    const ended = endWorkingGroup(this.domainGroup(view), finalReport, today);
    if (view.channel) {
      const teamId = text(item.fields.TeamId) ?? (await this.resolveTeam(user));
      await user.archiveChannel(teamId, view.channel.id);
    }
    const updated = await this.patchItem(app, item, {
      Status: 'avslutad',
      FinalReport: ended.finalReport ?? finalReport,
      PeriodEnd: ended.period.end ?? today,
    });
    return this.view(updated, people);
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

  /** The service owns these fields; a concurrent edit of other columns is re-read and the change applied again. */
  private async patchItem(
    app: GraphGateway,
    item: ListItemWithFields<WorkingGroupFields>,
    fields: Partial<WorkingGroupFields>,
  ): Promise<ListItemWithFields<WorkingGroupFields>> {
    try {
      return await this.lists.workingGroups.patch(app, item.id, item.eTag, fields);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      const current = error.current as ListItemWithFields<WorkingGroupFields>;
      return this.lists.workingGroups.patch(app, item.id, current.eTag, fields);
    }
  }

  private async assertDecisionExists(app: GraphGateway, decisionId: string): Promise<void> {
    try {
      await this.lists.decisions.get(app, decisionId);
    } catch (error) {
      if (error instanceof GraphRequestError && error.status === 404 && error.code !== 'listNotProvisioned')
        throw new DomainValidationError([{ path: 'decisionId', message: 'Beslutet finns inte i beslutslistan.' }]);
      throw error;
    }
  }

  /** The app's org catalog id as installed in the team: looked up once per team, it does not change. */
  private async catalogIdIn(app: GraphGateway, teamId: string): Promise<string> {
    let id = this.catalogIds.get(teamId);
    if (!id) {
      id = await app.installedAppCatalogId(teamId, this.options.teamsAppExternalId);
      this.catalogIds.set(teamId, id);
    }
    return id;
  }

  private async resolveTeam(user: GraphGateway): Promise<string> {
    if (this.teamId) return this.teamId;
    const teams = await user.joinedTeams();
    if (teams.length !== 1 || !teams[0]?.id)
      throw new DomainRuleError(
        'WORKING_GROUP_NO_TEAM',
        'Appen vet inte vilket team arbetsgruppernas kanaler ska ligga i (TEAM_ID saknas).',
      );
    this.teamId = teams[0].id;
    return this.teamId;
  }

  private pageUrl(id: string): string {
    return `${this.options.publicUrl}/#/arbetsgrupper/${id}`;
  }

  /** The person's Entra object id: Graph keys users by id (or UPN), never by e-mail; see withObjectIds. */
  private userIdOf(person: ContactRecord): string {
    if (!person.entraObjectId)
      throw new DomainRuleError(
        'PERSON_NOT_IN_DIRECTORY',
        `${person.displayName} (${person.email}) saknar Entra-objekt-id i kontaktlistan.`,
      );
    return person.entraObjectId;
  }

  /** Guests are people whose address is outside the host organisation's domain (B2B guests in its tenant). */
  private isGuest(person: ContactRecord): boolean {
    const host = hostOrganisation(this.organisations);
    if (!host) return false;
    const domain = person.email.split('@')[1] ?? '';
    return domain !== host.emailDomain && !domain.endsWith(`.${host.emailDomain}`);
  }

  private memberOf(person: ContactRecord, convenerId: string): WorkingGroupMember {
    return {
      id: person.id,
      displayName: person.displayName,
      email: person.email,
      organisationId: person.organisationId,
      organisationName: this.organisations.find((o) => o.id === person.organisationId)?.name ?? person.organisationId,
      convener: person.id === convenerId,
      guest: this.isGuest(person),
    };
  }

  private memberEmails(group: WorkingGroup, people: ContactRecord[]): string {
    return group.memberIds.map((id) => people.find((p) => p.id === id)?.email ?? '').join(';');
  }

  private domainGroup(view: WorkingGroupView): WorkingGroup {
    return {
      id: view.id,
      name: view.name,
      syfte: view.syfte,
      uppdrag: view.uppdrag,
      ...(view.malsattning ? { malsattning: view.malsattning } : {}),
      memberIds: view.members.map((m) => m.id),
      convenerId: view.convenerId,
      period: { ...view.period },
      status: view.status,
      membershipType: view.membershipType,
      ...(view.decisionId ? { decisionId: view.decisionId } : {}),
      ...(view.finalReport ? { finalReport: view.finalReport } : {}),
    };
  }

  private view(item: ListItemWithFields<WorkingGroupFields>, people: ContactRecord[]): WorkingGroupView {
    const f = item.fields;
    const byEmail = new Map(people.map((p) => [p.email, p] as const));
    const convenerEmail = (text(f.ConvenerEmail) ?? '').toLowerCase();
    const convener = byEmail.get(convenerEmail);
    const members = emails(f.MemberEmails)
      .map((e) => byEmail.get(e))
      .filter((p): p is ContactRecord => p !== undefined)
      .map((p) => this.memberOf(p, convener?.id ?? ''));
    const membershipType = oneOf(MEMBERSHIP_TYPES, f.MembershipType, 'standard');
    const channelId = text(f.ChannelId);
    return {
      id: item.id,
      etag: item.eTag,
      name: text(f.Title) ?? '',
      syfte: text(f.Purpose) ?? '',
      uppdrag: text(f.Assignment) ?? '',
      ...(text(f.Goal) ? { malsattning: text(f.Goal) } : {}),
      members,
      convenerId: convener?.id ?? '',
      period: {
        start: dateOnlyFromGraph(f.PeriodStart) ?? '',
        ...(dateOnlyFromGraph(f.PeriodEnd) ? { end: dateOnlyFromGraph(f.PeriodEnd)! } : {}),
      },
      status: oneOf(WORKING_GROUP_STATUSES, f.Status, 'aktiv'),
      membershipType,
      ...(text(f.DecisionId) ? { decisionId: text(f.DecisionId) } : {}),
      ...(text(f.FinalReport) ? { finalReport: text(f.FinalReport) } : {}),
      ...(channelId
        ? {
            channel: {
              id: channelId,
              name: text(f.ChannelName) ?? '',
              ...(text(f.ChannelWebUrl) ? { webUrl: text(f.ChannelWebUrl) } : {}),
            },
          }
        : {}),
      setupStep: oneOf(SETUP_STEPS, f.SetupStep, 'registrerad'),
      notInChannel:
        membershipType === 'shared'
          ? members.filter((m) => m.guest).map((m) => ({ personId: m.id, reason: SHARED_GUEST_REASON }))
          : [],
    };
  }
}

/** The team as read at the start of an appointment, so the setup need not read it again. */
interface TeamSnapshot {
  teamId: string;
  teamMembers: ConversationMember[];
  channels: Channel[];
}

export function parseAppoint(input: unknown): AppointInput {
  return parseOrThrow(appointSchema, input);
}
