import type { ResourceModule } from './context';
import { batchModule } from './resources/batch';
import { calendarModule } from './resources/calendar';
import { drivesModule } from './resources/drives';
import { onlineMeetingsModule } from './resources/onlineMeetings';
import { plannerModule } from './resources/planner';
import { sitesModule } from './resources/sites';
import { teamsModule } from './resources/teams';
import { usersModule } from './resources/users';

/** Seeding runs in this order: users first, everything else refers to them. */
export const MODULES: ResourceModule[] = [
  usersModule,
  sitesModule,
  drivesModule,
  teamsModule,
  calendarModule,
  onlineMeetingsModule,
  plannerModule,
  batchModule,
];
