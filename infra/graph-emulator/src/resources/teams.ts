import type { ResourceModule } from '../context';
import { channelRoutes } from './teams/channelRoutes';
import { connectorControls, connectorRoutes } from './teams/connector';
import { messageRoutes } from './teams/messageRoutes';
import { seedTeams } from './teams/seed';
import { tabRoutes } from './teams/tabRoutes';
import { teamRoutes } from './teams/teamRoutes';

export { SEED_GENERAL_CHANNEL_ID, SEED_TEAM_ID } from './teams/ids';

/** Teams through Graph v1.0 (team, members, channels, channel members, messages) and the bot connector. */
export const teamsModule: ResourceModule = {
  name: 'teams',
  graph(router, ctx) {
    teamRoutes(router, ctx);
    channelRoutes(router, ctx);
    messageRoutes(router, ctx);
    tabRoutes(router, ctx);
  },
  controls(router, ctx) {
    connectorControls(router, ctx);
  },
  root(router, ctx) {
    connectorRoutes(router, ctx);
  },
  seed(ctx) {
    seedTeams(ctx);
  },
};
