import type { ResourceModule } from '../context';
import { APP_ROUTES, seedApps } from './teams/appRoutes';
import { CHANNEL_ROUTES } from './teams/channelRoutes';
import { botDeliveryControls } from './teams/botDelivery';
import { connectorControls, connectorRoutes } from './teams/connector';
import { MESSAGE_ROUTES } from './teams/messageRoutes';
import { seedTeams } from './teams/seed';
import { TAB_ROUTES } from './teams/tabRoutes';
import { TEAM_ROUTES } from './teams/teamRoutes';

import { SEED_TEAM_ID } from './teams/ids';

export { SEED_GENERAL_CHANNEL_ID, SEED_TEAM_ID, catalogIdFor } from './teams/ids';

/**
 * Teams through Graph v1.0 (team, members, channels, channel members, messages, tabs, the org app catalog and
 * installed apps) and the bot connector.
 */
export const teamsModule: ResourceModule = {
  name: 'teams',
  routes: [...TEAM_ROUTES, ...CHANNEL_ROUTES, ...MESSAGE_ROUTES, ...TAB_ROUTES, ...APP_ROUTES],
  controls(router, ctx) {
    connectorControls(router, ctx);
    botDeliveryControls(router, ctx);
  },
  root(router, ctx) {
    connectorRoutes(router, ctx);
  },
  seed(ctx) {
    seedTeams(ctx);
    seedApps(ctx, SEED_TEAM_ID);
  },
};
