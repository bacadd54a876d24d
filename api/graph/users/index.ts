import type { User } from '@microsoft/microsoft-graph-types';
import { segment, type Collection, type GraphConnection } from '../connection';
import { odataString } from '../odata';

/** People in the directory. */
export function usersApi(graph: GraphConnection) {
  return {
    /** Graph keys users by object id or userPrincipalName only; an e-mail address is not a key (use findUserByMail). */
    getUser(idOrUpn: string): Promise<User> {
      return graph.call(() => graph.api(`/users/${segment(idOrUpn)}`).get() as Promise<User>);
    },

    /** The directory's user whose `mail` is this address (a guest's is their home address, not their UPN). */
    async findUserByMail(mail: string): Promise<User | undefined> {
      const found = await graph.call(
        () =>
          graph
            .api('/users')
            .filter(`mail eq ${odataString(mail)}`)
            .select('id,displayName,mail,userPrincipalName,userType')
            .get() as Promise<Collection<User>>,
      );
      return found.value[0];
    },

    me(): Promise<User> {
      return graph.call(() => graph.api('/me').get() as Promise<User>);
    },
  };
}

export type UsersApi = ReturnType<typeof usersApi>;
