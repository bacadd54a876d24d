import type { Channel, ConversationMember } from '@microsoft/microsoft-graph-types';
import { DomainRuleError, channelNameFor } from '../../../src/domain';
import { channelNamed, userIdOfMember, type ChannelMemberSpec } from '../../graph/teams';
import type { GraphGateway, ListItemWithFields } from '../../graph/gateway';
import type { ServerStateStore } from '../../state/store';
import type { ContactRecord, ContactsService } from '../contacts';
import type { ListStore } from '../lists';
import { welcomeCard } from './card';
import {
  TAB_NAME,
  patchGroupItem,
  userIdOf,
  type ChannelCardPoster,
  type SetupJournal,
  type TeamSnapshot,
  type WorkingGroupFields,
  type WorkingGroupMember,
  type WorkingGroupView,
  type WorkingGroupViews,
  type WorkingGroupsOptions,
} from './model';
import { answerMayBeLost, UNKNOWN_ACTIVITY } from './lostAnswer';

type ChannelOwner = { id: string; displayName: string; instead: boolean };

/** One run of a group's channel setup: what every step reads, and the journal it records its progress in. */
interface SetupRun {
  user: GraphGateway;
  app: GraphGateway;
  item: ListItemWithFields<WorkingGroupFields>;
  people: ContactRecord[];
  view: WorkingGroupView;
  teamId: string;
  journal: SetupJournal;
  save: () => Promise<void>;
  inChannel: WorkingGroupMember[];
  convener: WorkingGroupMember | undefined;
  /** Found when a step first needs it (a private or shared channel's owner). */
  owner?: ChannelOwner | undefined;
}

/**
 * A working group's Teams channel, set up in journalled steps (channel, members, tab, welcome card) so that a
 * run cut short is finished by the next one and nothing is made twice; and the team the channels live in.
 */
export class ChannelSetup {
  poster?: ChannelCardPoster;
  private teamId?: string;
  private readonly catalogIds = new Map<string, string>();

  constructor(
    private readonly groups: ListStore<WorkingGroupFields>,
    private readonly contacts: ContactsService,
    private readonly journal: ServerStateStore,
    private readonly views: WorkingGroupViews,
    private readonly options: WorkingGroupsOptions,
  ) {
    this.teamId = options.teamId;
  }

  /** The team, when configured or already found. */
  get knownTeamId(): string | undefined {
    return this.teamId;
  }

  /** Sets up what is missing of the group's channel and answers the group as it is then. */
  async finish(
    user: GraphGateway,
    app: GraphGateway,
    item: ListItemWithFields<WorkingGroupFields>,
    people: ContactRecord[],
    known?: TeamSnapshot,
  ): Promise<WorkingGroupView> {
    const first = this.views.view(item, people);
    if (first.setupStep === 'klar' && first.channel) return first;
    const resolved = await this.contacts.withObjectIds(
      user,
      app,
      people,
      first.members.map((m) => m.id),
    );
    const view = this.views.view(item, resolved);
    const key = `workingGroup:${item.id}:setup`;
    const journal: SetupJournal = { ...((await this.journal.getOperation(key))?.detail ?? {}) };
    const run: SetupRun = {
      user,
      app,
      item,
      people: resolved,
      view,
      teamId: known?.teamId ?? (await this.resolveTeam(user)),
      journal,
      save: async () => {
        await this.journal.recordOperation(key, 'started', journal);
      },
      inChannel: view.members.filter((m) => !(view.membershipType === 'shared' && m.guest)),
      convener: view.members.find((m) => m.convener),
    };
    const { channel, created } = await this.channelStep(run, known);
    const channelId = String(channel.id);
    await this.memberStep(run, channelId, created);
    await this.tabStep(run, channelId);
    await this.welcomeStep(run, channelId);
    const updated = await patchGroupItem(this.groups, app, item, {
      TeamId: run.teamId,
      ChannelId: channelId,
      ChannelName: String(channel.displayName ?? journal.channelName ?? ''),
      ...(channel.webUrl ? { ChannelWebUrl: channel.webUrl } : {}),
      SetupStep: journal.welcomeActivityId ? 'klar' : 'kanal',
    });
    await this.journal.recordOperation(key, journal.welcomeActivityId ? 'succeeded' : 'started', journal);
    return this.views.view(updated, resolved);
  }

  /** The channel: the journalled one, or the one of the journalled name, or a new one under a free name. */
  private async channelStep(run: SetupRun, known?: TeamSnapshot): Promise<{ channel: Channel; created: boolean }> {
    const { user, app, view, journal, teamId } = run;
    // A first run (nothing journalled) needs the names in use; a resumed one looks its channel up instead.
    const firstRun = !journal.channelId && !journal.channelName;
    const [, channelsNow] = await Promise.all([
      view.membershipType !== 'shared'
        ? this.ensureTeamMembers(user, app, teamId, view.members, run.people, known?.teamMembers)
        : undefined,
      known?.channels ?? (firstRun ? app.listChannels(teamId) : undefined),
    ]);
    if (journal.channelId) {
      const channel =
        known?.channels.find((c) => c.id === journal.channelId) ?? (await app.getChannel(teamId, journal.channelId));
      return { channel, created: false };
    }
    let channel: Channel | undefined;
    let created = false;
    if (journal.channelName)
      channel = known
        ? channelNamed(known.channels, journal.channelName)
        : await app.findChannelByName(teamId, journal.channelName);
    if (!channel) {
      journal.channelName ??= channelNameFor(view.name, channelsNow?.map((c) => c.displayName ?? '') ?? []);
      await run.save();
      run.owner ??= await this.ownerIfPrivate(user, view, run.convener, run.people);
      channel = await this.createChannel(
        user,
        app,
        teamId,
        journal.channelName,
        view,
        run.inChannel,
        run.convener,
        run.people,
        run.owner,
      );
      created = true;
      if (!channel.webUrl) channel = await app.getChannel(teamId, String(channel.id));
    }
    journal.channelId = String(channel.id);
    await run.save();
    return { channel, created };
  }

  /** A private channel just made has its members from the create call; a shared one has only its owner. */
  private async memberStep(run: SetupRun, channelId: string, created: boolean): Promise<void> {
    const { user, app, view, teamId, inChannel, people } = run;
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
  }

  private async tabStep(run: SetupRun, channelId: string): Promise<void> {
    const { app, user, item, view, journal } = run;
    if (journal.tabId) return;
    const teamsAppId = await this.catalogIdIn(app, run.teamId);
    // An app installed in the team is not in a shared channel until it is enabled there (as the samordnare).
    if (view.membershipType === 'shared') await user.enableAppInChannel(run.teamId, channelId, teamsAppId);
    const entityId = `arbetsgrupp-${item.id}`;
    // A tab whose create was sent before (its answer lost, or the run cut) is found by its entity id, not added
    // again: Graph has no natural key for tabs, so the attempt is journalled before the POST.
    if (journal.tabAttempted) {
      const tabs = await app.listChannelTabs(run.teamId, channelId);
      const found = tabs.find((t) => t.configuration?.entityId === entityId);
      if (found) {
        journal.tabId = String(found.id);
        await run.save();
        return;
      }
    }
    journal.tabAttempted = true;
    await run.save();
    const tab = await app.addChannelTab(run.teamId, channelId, {
      displayName: TAB_NAME,
      teamsAppId,
      entityId,
      contentUrl: `${this.options.publicUrl}/?view=arbetsgrupper#/arbetsgrupper/${item.id}`,
      websiteUrl: this.pageUrl(item.id),
    });
    journal.tabId = String(tab.id);
    await run.save();
  }

  /** The app's org catalog id as installed in the team: looked up once per team, it does not change. */
  private async catalogIdIn(app: SetupRun['app'], teamId: string): Promise<string> {
    let id = this.catalogIds.get(teamId);
    if (!id) {
      id = await app.installedAppCatalogId(teamId, this.options.teamsAppExternalId);
      this.catalogIds.set(teamId, id);
    }
    return id;
  }

  /** The welcome card, once; a failure is logged and journalled, and the next run posts it. */
  private async welcomeStep(run: SetupRun, channelId: string): Promise<void> {
    const { user, item, view, journal } = run;
    if (journal.welcomeActivityId || !this.poster) return;
    if (journal.welcomeSending) {
      // A run died while the card was on its way: whether it arrived is unknown, and two cards are worse than none.
      journal.welcomeActivityId = UNKNOWN_ACTIVITY;
      await run.save();
      return;
    }
    run.owner ??= await this.ownerIfPrivate(user, view, run.convener, run.people);
    const card = welcomeCard({
      ...(run.owner?.instead ? { channelOwner: run.owner.displayName } : {}),
      name: view.name,
      syfte: view.syfte,
      uppdrag: view.uppdrag,
      ...(view.malsattning ? { malsattning: view.malsattning } : {}),
      members: view.members,
      period: view.period,
      membershipType: view.membershipType,
      pageUrl: this.pageUrl(item.id),
    });
    journal.welcomeSending = true;
    await run.save();
    try {
      const posted = await this.poster.postToChannel(
        { teamId: run.teamId, channelId },
        card,
        `Välkommen till arbetsgruppen ${view.name}`,
      );
      journal.welcomeActivityId = posted.activityId ?? 'skickat';
      delete journal.welcomeProblem;
      delete journal.welcomeSending;
      await run.save();
    } catch (error) {
      if (answerMayBeLost(error)) {
        // The connector may have posted it (Bot Framework takes no idempotency key): not sent again.
        this.options.logger?.warn({ err: error, workingGroupId: item.id }, 'welcome card answer lost');
        journal.welcomeActivityId = UNKNOWN_ACTIVITY;
        delete journal.welcomeSending;
        await run.save();
        return;
      }
      delete journal.welcomeSending;
      // The channel is usable without the card; the setup stays at 'kanal' and a resume posts it.
      this.options.logger?.warn({ err: error, workingGroupId: item.id }, 'welcome card not posted');
      journal.welcomeProblem = error instanceof Error ? error.message : String(error);
      await run.save();
    }
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
    const idOf = (m: WorkingGroupMember) => userIdOf(people.find((p) => p.id === m.id)!);
    // Channel roles are 'owner' or empty (channel-post-members); a guest is never an owner.
    let members: ChannelMemberSpec[] | undefined;
    if (view.membershipType !== 'standard') {
      const owner = (owners ?? (await this.channelOwner(user, convener, people))).id;
      const spec = (userId: string): ChannelMemberSpec => ({ userId, role: userId === owner ? 'owner' : 'member' });
      if (view.membershipType === 'private') {
        members = inChannel.map((m) => spec(idOf(m)));
        if (!inChannel.some((m) => idOf(m) === owner)) members.unshift(spec(owner));
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
      return { id: userIdOf(person), displayName: person.displayName, instead: false };
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
  async ensureTeamMembers(
    user: GraphGateway,
    app: GraphGateway,
    teamId: string,
    members: WorkingGroupMember[],
    people: ContactRecord[],
    teamMembers?: ConversationMember[],
  ): Promise<void> {
    const inTeam = new Set((teamMembers ?? (await app.listTeamMembers(teamId))).map(userIdOfMember));
    const missing = members.filter((m) => !inTeam.has(userIdOf(people.find((p) => p.id === m.id)!)));
    await Promise.all(
      missing.map((member) => {
        const userId = userIdOf(people.find((p) => p.id === member.id)!);
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
    const missing = inChannel.filter((m) => !present.has(userIdOf(people.find((p) => p.id === m.id)!)));
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
        const userId = userIdOf(people.find((p) => p.id === member.id)!);
        return user.addChannelMember(teamId, channelId, userId, member.convener && !member.guest);
      }),
    );
  }

  async removeFromChannel(
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

  async resolveTeam(user: GraphGateway): Promise<string> {
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
}
