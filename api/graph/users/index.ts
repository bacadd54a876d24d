import type { User } from '@microsoft/microsoft-graph-types';
import type { BatchApi } from '../batch';
import { segment, type Collection, type GraphConnection } from '../connection';
import { odataString } from '../odata';

const USER_FIELDS = 'id,displayName,mail,userPrincipalName,userType';

/** The `GET /users?$filter=mail eq '…'` of one address, as one read of a $batch. */
function userByMailUrl(mail: string): string {
  const query = new URLSearchParams({ $filter: `mail eq ${odataString(mail)}`, $select: USER_FIELDS });
  return `/users?${query.toString().replace(/%24/g, '$')}`;
}

/** People in the directory. */
export function usersApi(graph: GraphConnection, batches: Pick<BatchApi, 'readManySettled'>) {
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
            .select(USER_FIELDS)
            .get() as Promise<Collection<User>>,
      );
      return found.value[0];
    },

    /**
     * The directory's users of many addresses in $batch round trips of 20 (Graph's limit per batch), keyed by
     * the address as given; an address nobody has is undefined. An inner failure (other than throttling, which
     * the batch sends again) rejects with its GraphRequestError.
     */
    async findUsersByMail(mails: readonly string[]): Promise<Map<string, User | undefined>> {
      const unique = [...new Set(mails)];
      const reads = Object.fromEntries(
        unique.map((mail, index) => [
          String(index),
          { url: userByMailUrl(mail), toValue: (raw: unknown) => raw as User },
        ]),
      );
      const answers = await batches.readManySettled(reads);
      return new Map(
        unique.map((mail, index) => {
          const answer = answers[String(index)]!;
          if ('error' in answer) throw answer.error;
          return [mail, answer.value[0]] as const;
        }),
      );
    },

    me(): Promise<User> {
      return graph.call(() => graph.api('/me').get() as Promise<User>);
    },
  };
}

export type UsersApi = ReturnType<typeof usersApi>;
