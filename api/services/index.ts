import type { OrganisationConfig } from '../../src/domain';
import type { AppConfig } from '../config';
import type { GraphGatewayFactory } from '../graph/factory';
import type { Logger } from '../http/logger';
import type { ServerStateStore } from '../state/store';
import { CallerDirectory } from './callers';
import { ContactsService } from './contacts';
import { MeetingsService } from './meetings';
import { SiteDirectory } from './site';

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
  state: ServerStateStore;
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
    meetings: new MeetingsService(site, parts.now),
  };
}
