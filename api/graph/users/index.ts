import type { User } from '@microsoft/microsoft-graph-types';
import { segment, type GraphConnection } from '../connection';

/** People in the directory. */
export function usersApi(graph: GraphConnection) {
  return {
    getUser(idOrUpn: string): Promise<User> {
      return graph.call(() => graph.api(`/users/${segment(idOrUpn)}`).get() as Promise<User>);
    },

    me(): Promise<User> {
      return graph.call(() => graph.api('/me').get() as Promise<User>);
    },
  };
}

export type UsersApi = ReturnType<typeof usersApi>;
