import {
  ForbiddenError,
  allowedActions,
  type ActionContext,
  type ActionId,
  type Organisation,
  type Role,
} from '../../../src/domain';
import { assertTenantOfOrganisation } from '../../auth/tenants';
import type { CallerIdentity } from '../../auth/tokenValidator';
import { ConflictError } from '../../graph/errors';
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

const NOT_IN_LIST = 'Du finns inte i samverkans kontaktlista. Kontakta samordnaren.';
const BOUND_ELSEWHERE =
  'Din kontakt i samverkans kontaktlista är kopplad till en annan inloggning. Kontakta samordnaren.';

/**
 * The address a UPN stands for: the UPN itself for a member of a tenant, or for a guest of the Region's
 * tenant the home address its UPN was made from (`erik.lundqvist_umea.se#EXT#@…` → `erik.lundqvist@umea.se`).
 */
export function addressOfUpn(upn: string): string | undefined {
  const guest = /^(.+)_([^_#@]+\.[^_#@]+)#EXT#@[^@]+$/i.exec(upn);
  if (guest) return `${guest[1]}@${guest[2]}`.toLowerCase();
  return /^[^@\s#]+@[^@\s#]+\.[^@\s#]+$/.test(upn) ? upn.toLowerCase() : undefined;
}

export interface CallerDirectoryOptions {
  ttlSeconds: number;
  organisations: readonly Organisation[];
  /** The Region's tenant (TENANT_ID): where guests sign in, and the tenant of contacts seeded with an oid. */
  regionTenantId: string;
  now?: () => Date;
}

/**
 * Maps a validated token to a person of Kontakter. A contact is bound to one (tenant id, object id) and a
 * bound contact is found only by it; an unbound contact is bound once, at its first sign-in, by the UPN
 * (never `email` or `preferred_username`, which users and admins can change) of a tenant its organisation
 * signs in from, and the binding is recorded in Kontakter with its time. Answers are kept for a short time
 * so that role changes apply within ROLE_CACHE_TTL_SECONDS without a lookup per request.
 */
export class CallerDirectory {
  private cache = new Map<string, { at: number; person: ContactRecord }>();
  private readonly now: () => Date;

  constructor(
    private readonly contacts: ContactsService,
    private readonly options: CallerDirectoryOptions,
  ) {
    this.now = options.now ?? (() => new Date());
  }

  async resolve(identity: CallerIdentity, gateway: GraphGateway): Promise<Caller> {
    const key = `${identity.tenantId.toLowerCase()}:${identity.objectId}`;
    const hit = this.cache.get(key);
    let person: ContactRecord;
    if (hit && this.now().getTime() - hit.at < this.options.ttlSeconds * 1000) {
      person = hit.person;
    } else {
      person = await this.lookUp(identity, gateway);
      if (this.options.ttlSeconds > 0) this.cache.set(key, { at: this.now().getTime(), person });
      if (this.cache.size > 5000) this.cache.clear();
    }
    return { identity, person, roles: person.roles };
  }

  private tenantOf(contact: ContactRecord): string {
    return (contact.entraTenantId ?? this.options.regionTenantId).toLowerCase();
  }

  private async lookUp(identity: CallerIdentity, gateway: GraphGateway): Promise<ContactRecord> {
    const tenantId = identity.tenantId.toLowerCase();
    const bound = await this.contacts.findByObjectId(gateway, identity.objectId);
    if (bound) {
      // Object ids are unique within a tenant only: the binding is the pair.
      if (this.tenantOf(bound) !== tenantId) throw new ForbiddenError('contacts.lookup', NOT_IN_LIST);
      assertTenantOfOrganisation(
        identity,
        bound.organisationId,
        this.options.organisations,
        this.options.regionTenantId,
      );
      return bound;
    }
    const address = identity.upn ? addressOfUpn(identity.upn) : undefined;
    if (!address) throw new ForbiddenError('contacts.lookup', NOT_IN_LIST);
    const candidate = await this.contacts.findByEmail(gateway, address);
    if (!candidate) throw new ForbiddenError('contacts.lookup', NOT_IN_LIST);
    if (candidate.entraObjectId) throw new ForbiddenError('contacts.lookup', BOUND_ELSEWHERE);
    assertTenantOfOrganisation(
      identity,
      candidate.organisationId,
      this.options.organisations,
      this.options.regionTenantId,
    );
    try {
      return await this.contacts.bind(
        gateway,
        candidate.id,
        { tenantId, objectId: identity.objectId, at: this.now().toISOString() },
        candidate.etag,
      );
    } catch (error) {
      // Someone else's first sign-in bound it in between: this one is not that sign-in.
      if (error instanceof ConflictError) throw new ForbiddenError('contacts.lookup', BOUND_ELSEWHERE);
      throw error;
    }
  }

  /** Forget cached roles and bindings, e.g. after the contact list was changed through the app. */
  invalidate(): void {
    this.cache.clear();
  }
}

export function meView(
  caller: Caller & Pick<ActionContext, 'appointedConvener'>,
  organisations: readonly Organisation[],
): MeView {
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
    allowedActions: allowedActions(caller.roles, caller),
  };
}
