import { ForbiddenError, allowedActions, type ActionId, type Organisation, type Role } from '../../../src/domain';
import type { CallerIdentity } from '../../auth/tokenValidator';
import type { GraphGateway } from '../../graph/gateway';
import type { ContactRecord, ContactsService } from '../contacts';

/** The person behind a request, as the contact list knows them. */
export interface Caller {
  identity: CallerIdentity;
  person: ContactRecord;
  roles: Role[];
}

export interface MeView {
  person: {
    id: string;
    displayName: string;
    email: string;
    organisationId: string;
    organisationName: string;
    roles: Role[];
    title?: string;
  };
  allowedActions: ActionId[];
}

/**
 * Maps a validated token to a person of Kontakter: by Entra object id, else by e-mail. Answers are kept for
 * a short time so that role changes apply within ROLE_CACHE_TTL_SECONDS without a lookup per request.
 */
export class CallerDirectory {
  private cache = new Map<string, { at: number; person: ContactRecord | undefined }>();

  constructor(
    private readonly contacts: ContactsService,
    private readonly ttlSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  async resolve(identity: CallerIdentity, gateway: GraphGateway): Promise<Caller> {
    const key = `${identity.tenantId}:${identity.objectId}:${identity.email ?? ''}`;
    const hit = this.cache.get(key);
    let person: ContactRecord | undefined;
    if (hit && this.now() - hit.at < this.ttlSeconds * 1000) {
      person = hit.person;
    } else {
      person = await this.contacts.findByObjectId(gateway, identity.objectId);
      if (!person && identity.email) person = await this.contacts.findByEmail(gateway, identity.email);
      if (this.ttlSeconds > 0) this.cache.set(key, { at: this.now(), person });
      if (this.cache.size > 5000) this.cache.clear();
    }
    if (!person)
      throw new ForbiddenError('contacts.lookup', 'Du finns inte i samverkans kontaktlista. Kontakta samordnaren.');
    return { identity, person, roles: person.roles };
  }

  /** Forget cached roles, e.g. after the contact list was changed through the app. */
  invalidate(): void {
    this.cache.clear();
  }
}

export function meView(caller: Caller, organisations: readonly Organisation[]): MeView {
  const org = organisations.find((o) => o.id === caller.person.organisationId);
  return {
    person: {
      id: caller.person.id,
      displayName: caller.person.displayName,
      email: caller.person.email,
      organisationId: caller.person.organisationId,
      organisationName: org?.name ?? caller.person.organisationId,
      roles: caller.roles,
      ...(caller.person.title ? { title: caller.person.title } : {}),
    },
    allowedActions: allowedActions(caller.roles),
  };
}
