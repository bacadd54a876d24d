import type { ResourceModule } from '../context';

export const calendarModule: ResourceModule = {
  name: 'calendar',
};
