import type { Client } from '@microsoft/microsoft-graph-client';
import { batchApi, type BatchApi } from './batch';
import { calendarApi, type CalendarApi } from './calendar';
import { GraphConnection, type GatewayOptions } from './connection';
import { driveApi, type DriveApi } from './drive';
import { listsApi, type ListsApi } from './lists';
import { onlineMeetingsApi, type OnlineMeetingsApi } from './onlineMeetings';
import { plannerApi, type PlannerApi } from './planner';
import { teamsApi, type TeamsApi } from './teams';
import { usersApi, type UsersApi } from './users';

export { toGraphRequestError, type GatewayOptions } from './connection';
export type { BatchRequest, BatchResponse, CollectionRead } from './batch';
export type { ListItemFields, ListItemWithFields } from './lists';

/**
 * The Graph gateway of one acting identity (a user on-behalf-of, or the app): the resources of api/graph over
 * one client. Services depend on the resource they use (ListsApi, CalendarApi, TeamsApi…), not on this whole.
 */
export type GraphGateway = UsersApi &
  ListsApi &
  CalendarApi &
  TeamsApi &
  BatchApi &
  DriveApi &
  OnlineMeetingsApi &
  PlannerApi;

export function createGateway(client: Client, options: GatewayOptions): GraphGateway {
  const graph = new GraphConnection(client, options);
  const batches = batchApi(graph);
  return {
    ...usersApi(graph, batches),
    ...listsApi(graph, batches),
    ...calendarApi(graph),
    ...teamsApi(graph),
    ...driveApi(graph),
    ...onlineMeetingsApi(graph),
    ...plannerApi(graph),
    ...batches,
  };
}
