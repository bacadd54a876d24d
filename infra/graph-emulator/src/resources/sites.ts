import type { ResourceModule } from '../context';

export const sitesModule: ResourceModule = {
  name: 'sites',
};
