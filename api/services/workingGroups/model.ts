import type { Channel, ConversationMember } from '@microsoft/microsoft-graph-types';
import {
  MEMBERSHIP_TYPES,
  WORKING_GROUP_STATUSES,
  DomainRuleError,
  hostOrganisation,
  type MembershipType,
  type Organisation,
  type WorkingGroup,
  type WorkingGroupStatus,
} from '../../../src/domain';
import { dateOnlyFromGraph } from '../../graph/dates';
import { ConflictError } from '../../graph/errors';
import type { ListItemWithFields } from '../../graph/gateway';
import type { ContactRecord } from '../contacts';
import type { FieldsOf, ListItemsApi, ListStore } from '../lists';
import type { AdaptiveCardJson } from './card';
import type { Clock, Logger } from '../ports';

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

export const SHARED_GUEST_REASON =
  'Delade kanaler tar inte emot gäster: medlemmar från andra organisationer ansluts med B2B direct connect och läggs till av sin egen organisations team.';
export const STANDARD_NOTE = 'En standardkanal visar hela teamet; medlemskapet följer teamet.';
export const TAB_NAME = 'Arbetsgruppen';

export interface SetupJournal extends Record<string, unknown> {
  channelName?: string;
  channelId?: string;
  tabId?: string;
  /** The tab's create was sent (a resumed run looks for it before sending another). */
  tabAttempted?: boolean;
  welcomeActivityId?: string;
  /** Why the welcome card could not be posted on the last run (cleared once it is). */
  welcomeProblem?: string;
  /** Set just before the card is sent: a run that dies then leaves it, and the card is not sent a second time. */
  welcomeSending?: boolean;
}

export const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
const emails = (value: unknown) =>
  (text(value) ?? '')
    .split(';')
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean);

export function oneOf<T extends string>(values: readonly T[], value: unknown, fallback: T): T {
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

/** The team as read at the start of an appointment, so the setup need not read it again. */
export interface TeamSnapshot {
  teamId: string;
  teamMembers: ConversationMember[];
  channels: Channel[];
}

/** The person's Entra object id: Graph keys users by id (or UPN), never by e-mail; see withObjectIds. */
export function userIdOf(person: ContactRecord): string {
  if (!person.entraObjectId)
    throw new DomainRuleError(
      'PERSON_NOT_IN_DIRECTORY',
      `${person.displayName} (${person.email}) saknar Entra-objekt-id i kontaktlistan.`,
    );
  return person.entraObjectId;
}

/** The service owns these fields; a concurrent edit of other columns is re-read and the change applied again. */
export async function patchGroupItem(
  groups: ListStore<WorkingGroupFields>,
  app: ListItemsApi,
  item: ListItemWithFields<WorkingGroupFields>,
  fields: Partial<WorkingGroupFields>,
): Promise<ListItemWithFields<WorkingGroupFields>> {
  try {
    return await groups.patch(app, item.id, item.eTag, fields);
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    const current = error.current as ListItemWithFields<WorkingGroupFields>;
    return groups.patch(app, item.id, current.eTag, fields);
  }
}

/** A register item as the tab and the bot see a group: its members, channel and setup step. */
export class WorkingGroupViews {
  constructor(private readonly organisations: readonly Organisation[]) {}

  /** Guests are people whose address is outside the host organisation's domain (B2B guests in its tenant). */
  isGuest(person: ContactRecord): boolean {
    const host = hostOrganisation(this.organisations);
    if (!host) return false;
    const domain = person.email.split('@')[1] ?? '';
    return domain !== host.emailDomain && !domain.endsWith(`.${host.emailDomain}`);
  }

  memberOf(person: ContactRecord, convenerId: string): WorkingGroupMember {
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

  memberEmails(group: WorkingGroup, people: ContactRecord[]): string {
    return group.memberIds.map((id) => people.find((p) => p.id === id)?.email ?? '').join(';');
  }

  domainGroup(view: WorkingGroupView): WorkingGroup {
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

  view(item: ListItemWithFields<WorkingGroupFields>, people: ContactRecord[]): WorkingGroupView {
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
