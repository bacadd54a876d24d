import type { OrganisationConfig } from '../../src/domain';
import type { AppConfig } from '../config';
import type { GraphGatewayFactory } from '../graph/factory';
import type { Logger } from '../http/logger';
import type { ServerStateStore } from '../state/store';
import { ActivitiesService } from './activities';
import { BudgetService } from './budget';
import { CallerDirectory } from './callers';
import { ContactsService } from './contacts';
import { CoordinatorTimeService } from './coordinatorTime';
import { DecisionsService } from './decisions';
import { BeslutListDecisions } from './meetingDecisions';
import { MeetingsService } from './meetings';
import { OperatingPlanService } from './operatingPlan';
import { MeetingPolls } from './meetingsPoll';
import { MeetingProtocols } from './meetingsProtocol';
import { SiteDirectory } from './site';
import { WorkingGroupsService } from './workingGroups';

/** The use cases, wired once per server; routes and the bot reach Graph only through these. */
export interface AppServices {
  config: AppConfig;
  logger: Logger;
  organisations: OrganisationConfig;
  graph: GraphGatewayFactory;
  site: SiteDirectory;
  contacts: ContactsService;
  callers: CallerDirectory;
  meetings: MeetingsService;
  meetingPolls: MeetingPolls;
  meetingProtocols: MeetingProtocols;
  state: ServerStateStore;
  economy: EconomyServices;
  workingGroups: WorkingGroupsService;
}

/** Activities, verksamhetsplan, budget and outcome, coordinator time and the decision register (#9). */
export interface EconomyServices {
  activities: ActivitiesService;
  operatingPlan: OperatingPlanService;
  budget: BudgetService;
  coordinatorTime: CoordinatorTimeService;
  decisions: DecisionsService;
}

function createEconomyServices(site: SiteDirectory, organisations: OrganisationConfig): EconomyServices {
  const decisions = new DecisionsService(site);
  const activities = new ActivitiesService(site, organisations.organisations, decisions);
  const operatingPlan = new OperatingPlanService(site, decisions);
  decisions.addProposalSource(activities);
  decisions.addProposalSource(operatingPlan);
  return {
    activities,
    operatingPlan,
    budget: new BudgetService(site, organisations.organisations),
    coordinatorTime: new CoordinatorTimeService(site),
    decisions,
  };
}

export function createServices(parts: {
  config: AppConfig;
  logger: Logger;
  organisations: OrganisationConfig;
  graph: GraphGatewayFactory;
  state: ServerStateStore;
  now?: () => Date;
}): AppServices {
  const site = new SiteDirectory(parts.config.site);
  const contacts = new ContactsService(site, parts.organisations.organisations);
  return {
    ...parts,
    site,
    contacts,
    callers: new CallerDirectory(contacts, parts.config.roleCacheTtlSeconds),
    economy: createEconomyServices(site, parts.organisations),
    workingGroups: new WorkingGroupsService(site, contacts, parts.organisations.organisations, parts.state, {
      teamId: parts.config.teamId,
      teamsAppId: parts.config.bot.id ?? parts.config.identity.clientId,
      publicUrl: parts.config.publicUrl,
      now: parts.now,
    }),
    ...meetingServices(site, contacts, parts.organisations.organisations, parts.now),
  };
}

function meetingServices(
  site: SiteDirectory,
  contacts: ContactsService,
  organisations: OrganisationConfig['organisations'],
  now?: () => Date,
): Pick<AppServices, 'meetings' | 'meetingPolls' | 'meetingProtocols'> {
  const decisions = new BeslutListDecisions(site);
  const meetings = new MeetingsService(site, contacts, organisations, decisions, now);
  return {
    meetings,
    meetingPolls: new MeetingPolls(site, organisations, now),
    meetingProtocols: new MeetingProtocols(site, meetings, decisions, organisations, now),
  };
}
