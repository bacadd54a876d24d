import type { ResourceModule } from '../context';

export const teamsModule: ResourceModule = {
  name: 'teams',
};
