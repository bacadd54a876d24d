import type { OrganisationConfig } from '../../src/domain';
import type { AppConfig } from '../config';
import type { GraphGatewayFactory } from '../graph/factory';
import type { ServerStateStore } from '../state/store';
import {
  ActivitiesService,
  ActivityBudgetLink,
  costExceptionCheck,
  AssignmentsService,
  BudgetService,
  BudgetVersionsService,
  CoordinatorTimeService,
  DecisionsService,
  FundersService,
  OperatingPlanService,
  PlannerMirror,
  TopicTagsService,
} from './economy';
import { CallerDirectory } from './identity';
import { ContactChanges, ContactsService } from './contacts';
import {
  Conveners,
  MeetingCalendars,
  meetingDecisionsOver,
  MeetingsService,
  MeetingPolls,
  MeetingNotices,
  MeetingProtocols,
  MeetingMinutes,
  MeetingArchive,
  MeetingDrafts,
  CalledAgenda,
  DraftDocuments,
  MeetingsInTeams,
} from './meetings';
import { listStores, SiteDirectory, type ListStores } from './lists';
import { WorkingGroupsService } from './workingGroups';
import { TodoService } from './todo';
import type { Clock, Logger } from './ports';

/** The use cases, wired once per server; routes and the bot reach Graph only through these. */
export interface AppServices {
  config: AppConfig;
  logger: Logger;
  organisations: OrganisationConfig;
  graph: GraphGatewayFactory;
  site: SiteDirectory;
  /** Every SharePoint list as its typed store, bound to the site once. */
  lists: ListStores;
  contacts: ContactsService;
  /** Adding and deactivating people, checked against the commitments first (#17). */
  contactChanges: ContactChanges;
  callers: CallerDirectory;
  meetings: MeetingsService;
  meetingPolls: MeetingPolls;
  meetingProtocols: MeetingProtocols;
  meetingMinutes: MeetingMinutes;
  /** The date poll card, the answer reminder and the justering cards in Teams. */
  meetingNotices: MeetingNotices;
  /** One meeting's and the year's calendar files (the year's with the activities). */
  meetingCalendars: MeetingCalendars;
  /** Meetings being prepared (utkast) and their dagordning (#16). */
  meetingDrafts: MeetingDrafts;
  /** Handlingar per point of a draft, in the site's document library (#16). */
  draftDocuments: DraftDocuments;
  /** The tab inside a Teams meeting: its register meeting and Teams' attendance report (#16). */
  meetingsInTeams: MeetingsInTeams;
  /** Samverkansgruppen's sammankallande: the ordförande or the person a decision appoints (#17). */
  conveners: Conveners;
  state: ServerStateStore;
  clock: Clock;
  economy: EconomyServices;
  workingGroups: WorkingGroupsService;
  /** "Att göra" for the signed-in person (#18). */
  todo: TodoService;
  /** Uppdrag delegated by decisions (#17). */
  assignments: AssignmentsService;
}

/** Activities, verksamhetsplan, budget and outcome, coordinator time and the decision register (#9). */
export interface EconomyServices {
  activities: ActivitiesService;
  operatingPlan: OperatingPlanService;
  budget: BudgetService;
  /** The budget's proposed and decided versions (#17). */
  budgetVersions: BudgetVersionsService;
  coordinatorTime: CoordinatorTimeService;
  decisions: DecisionsService;
  /** Ämnestaggar (#17). */
  topicTags: TopicTagsService;
  /** Participant counts and the funders' yearly report (#17). */
  funders: FundersService;
}

function createEconomyServices(lists: ListStores, organisations: OrganisationConfig, clock: Clock): EconomyServices {
  const decisions = new DecisionsService(lists, clock);
  decisions.addRecordCheck(costExceptionCheck(organisations.organisations));
  const budgetLink = new ActivityBudgetLink(lists, organisations.organisations);
  const topicTags = new TopicTagsService(lists.topicTags, clock);
  const activities = new ActivitiesService(lists, organisations.organisations, decisions, budgetLink, topicTags);
  const operatingPlan = new OperatingPlanService(lists, decisions);
  decisions.addProposalSource(activities);
  decisions.addProposalSource(operatingPlan);
  const budget = new BudgetService(lists, organisations.organisations, decisions);
  return {
    activities,
    operatingPlan,
    budget,
    budgetVersions: new BudgetVersionsService(
      lists.budgetVersions,
      async (gateway, year) => (await budget.listLines(gateway, year)).map(({ etag: _etag, ...line }) => line),
      decisions,
    ),
    coordinatorTime: new CoordinatorTimeService(lists),
    decisions,
    topicTags,
    funders: new FundersService(lists, organisations.organisations, activities, topicTags, clock),
  };
}

export function createServices(parts: {
  config: AppConfig;
  logger: Logger;
  organisations: OrganisationConfig;
  graph: GraphGatewayFactory;
  state: ServerStateStore;
  clock: Clock;
}): AppServices {
  const site = new SiteDirectory(parts.config.site);
  const lists = listStores(site);
  const contacts = new ContactsService(lists, parts.organisations.organisations);
  const economy = createEconomyServices(lists, parts.organisations, parts.clock);
  // PLANNER_MIRROR=on: uppdrag mirrored in the team's Planner plan; off, the service has no mirror and calls none.
  const planner = parts.config.plannerMirror
    ? new PlannerMirror(lists.assignments, parts.state, {
        ...(parts.config.teamId ? { teamId: parts.config.teamId } : {}),
        logger: parts.logger,
        clock: parts.clock,
      })
    : undefined;
  const assignments = new AssignmentsService(lists, contacts, economy.decisions, planner);
  const meetingParts = meetingServices(
    lists,
    contacts,
    parts.organisations.organisations,
    economy.decisions,
    { ...parts, site },
    assignments,
  );
  const conveners = new Conveners(economy.decisions, (gateway) => contacts.list(gateway), parts.clock);
  economy.decisions.addRecordCheck(conveners.recordCheck());
  const meetingDrafts = new MeetingDrafts(
    lists,
    {
      decisions: meetingDecisionsOver(economy.decisions),
      assignments,
      people: (gateway) => meetingParts.meetings.people(gateway),
      records: (gateway) => meetingParts.meetings.records(gateway),
      called: new CalledAgenda(parts.state, parts.clock, parts.logger),
    },
    parts.clock,
  );
  return {
    ...parts,
    site,
    lists,
    contacts,
    contactChanges: new ContactChanges(contacts, parts.organisations.organisations, parts.clock),
    callers: new CallerDirectory(contacts, {
      ttlSeconds: parts.config.roleCacheTtlSeconds,
      organisations: parts.organisations.organisations,
      regionTenantId: parts.config.identity.tenantId,
      now: () => parts.clock.now(),
    }),
    economy,
    workingGroups: new WorkingGroupsService(lists, contacts, parts.organisations.organisations, parts.state, {
      teamId: parts.config.teamId,
      teamsAppExternalId: parts.config.teamsAppId,
      publicUrl: parts.config.publicUrl,
      clock: parts.clock,
      logger: parts.logger,
    }),
    ...meetingParts,
    meetingCalendars: new MeetingCalendars(meetingParts.meetings, economy.activities, parts.clock),
    conveners,
    meetingDrafts,
    draftDocuments: new DraftDocuments(meetingDrafts, site),
    assignments,
    todo: new TodoService({
      assignments,
      lists,
      meetings: meetingParts.meetings,
      decisions: economy.decisions,
      budget: economy.budget,
      clock: parts.clock,
    }),
  };
}

function meetingServices(
  lists: ListStores,
  contacts: ContactsService,
  organisations: OrganisationConfig['organisations'],
  register: DecisionsService,
  parts: { config: AppConfig; logger: Logger; state: ServerStateStore; clock: Clock; site: SiteDirectory },
  assignments: AssignmentsService,
): Pick<
  AppServices,
  'meetings' | 'meetingPolls' | 'meetingProtocols' | 'meetingMinutes' | 'meetingNotices' | 'meetingsInTeams'
> {
  const { clock } = parts;
  const decisions = meetingDecisionsOver(register, assignments);
  const meetings = new MeetingsService(lists, contacts, organisations, decisions, clock);
  const meetingMinutes = new MeetingMinutes(lists, meetings);
  const meetingProtocols = new MeetingProtocols(
    lists,
    meetings,
    decisions,
    organisations,
    clock,
    parts.state,
    new MeetingArchive(parts.site, meetings, organisations, parts.state),
    meetingMinutes,
  );
  return {
    meetings,
    meetingMinutes,
    meetingPolls: new MeetingPolls(lists, organisations, clock),
    meetingProtocols,
    meetingsInTeams: new MeetingsInTeams(meetings, meetingProtocols, clock),
    meetingNotices: new MeetingNotices(meetings, parts.state, organisations, {
      ...(parts.config.teamId ? { teamId: parts.config.teamId } : {}),
      logger: parts.logger,
      clock,
    }),
  };
}
