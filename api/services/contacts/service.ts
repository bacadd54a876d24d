import {
  assertRosterChangeConfirmed,
  createPerson,
  DomainRuleError,
  isRole,
  previewRosterChange,
  type Organisation,
  type RosterPerson,
  type RosterPreview,
  type Role,
} from '../../../src/domain';
import type { GraphGateway, ListItemWithFields } from '../../graph/gateway';
import { dateOnlyFromGraph } from '../../graph/dates';
import { ConflictError } from '../../graph/errors';
import { eq } from '../../graph/odata';
import type { FieldsOf, ListItemsApi, ListStores } from '../lists';
import { type ContactPatch } from '../../../src/contract';

/** Kontakter's fields by internal name (lists/schema.ts). */
export type ContactFields = FieldsOf<'contacts'>;

/** A person of the contact list with the ETag to send back when changing it. */
export interface ContactRecord extends RosterPerson {
  etag: string;
  entraObjectId?: string;
  /** The tenant of the bound sign-in; absent on contacts seeded with an object id of the Region's directory. */
  entraTenantId?: string;
  /** When the contact was bound to its sign-in (ISO 8601). */
  boundAt?: string;
}

/** The one sign-in a contact is bound to. */
export interface ContactBinding {
  tenantId: string;
  objectId: string;
  at: string;
}

export interface NewContact {
  displayName: string;
  email: string;
  organisationId: string;
  roles: readonly Role[];
  title?: string;
  phone?: string;
  entraObjectId?: string;
  boughtInService?: boolean;
}

export function parseRoles(text: string | undefined): Role[] {
  return (text ?? '')
    .split(';')
    .map((r) => r.trim())
    .filter(isRole);
}

export function toRecord(item: ListItemWithFields<ContactFields>): ContactRecord {
  const f = item.fields;
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
  const roles = parseRoles(text(f.Roles));
  // A deactivated person keeps the roles column for history but holds none: out of every group and kallelse.
  const deactivatedOn = dateOnlyFromGraph(f.DeactivatedOn);
  return {
    id: item.id,
    etag: item.eTag,
    displayName: text(f.Title) ?? '',
    email: (text(f.Email) ?? '').toLowerCase(),
    organisationId: text(f.OrganisationId) ?? '',
    roles: deactivatedOn ? [] : roles,
    title: text(f.JobTitle),
    phone: text(f.Phone),
    entraObjectId: text(f.EntraObjectId),
    entraTenantId: text(f.EntraTenantId),
    boundAt: text(f.BoundAt),
    ...(deactivatedOn ? { deactivatedOn, formerRoles: roles } : {}),
    ...(f.BoughtInService === true ? { boughtInService: true } : {}),
  };
}

function toFields(contact: Partial<NewContact>): ContactFields {
  const fields: ContactFields = {};
  if (contact.displayName !== undefined) fields.Title = contact.displayName;
  if (contact.email !== undefined) fields.Email = contact.email.toLowerCase();
  if (contact.organisationId !== undefined) fields.OrganisationId = contact.organisationId;
  if (contact.roles !== undefined) fields.Roles = contact.roles.join(';');
  if (contact.title !== undefined) fields.JobTitle = contact.title;
  if (contact.phone !== undefined) fields.Phone = contact.phone;
  if (contact.entraObjectId !== undefined) fields.EntraObjectId = contact.entraObjectId;
  if (contact.boughtInService !== undefined) fields.BoughtInService = contact.boughtInService;
  return fields;
}

/** The contact register (Kontakter list): the app's people, their organisations and roles. */
export class ContactsService {
  /** Counts the changes made through this service: a cache of the list (the meetings') reads again on a change. */
  version = 0;

  constructor(
    private readonly lists: Pick<ListStores, 'contacts'>,
    private readonly organisations: readonly Organisation[],
  ) {}

  async list(gateway: ListItemsApi): Promise<ContactRecord[]> {
    const items = await this.lists.contacts.find(gateway);
    return items.map(toRecord).sort((a, b) => a.displayName.localeCompare(b.displayName, 'sv'));
  }

  async findByObjectId(gateway: GraphGateway, objectId: string): Promise<ContactRecord | undefined> {
    const items = await this.lists.contacts.find(gateway, eq('EntraObjectId', objectId));
    return items.map(toRecord)[0];
  }

  async findByEmail(gateway: GraphGateway, email: string): Promise<ContactRecord | undefined> {
    const items = await this.lists.contacts.find(gateway, eq('Email', email.toLowerCase()));
    return items.map(toRecord)[0];
  }

  /**
   * Binds an unbound contact to a sign-in, recording tenant, object id and time; only if the item is unchanged
   * since `etag` (two first sign-ins at once bind one of them).
   */
  async bind(gateway: GraphGateway, id: string, binding: ContactBinding, etag: string): Promise<ContactRecord> {
    const fields: ContactFields = {
      EntraTenantId: binding.tenantId,
      EntraObjectId: binding.objectId,
      BoundAt: binding.at,
    };
    return toRecord(await this.lists.contacts.update(gateway, id, etag, fields));
  }

  /** Removes a contact's binding (the samordnare's decision), so that its next first sign-in binds it again. */
  async unbind(gateway: GraphGateway, id: string, etag: string): Promise<ContactRecord> {
    try {
      const fields: ContactFields = { EntraTenantId: '', EntraObjectId: '', BoundAt: '' };
      return toRecord(await this.lists.contacts.update(gateway, id, etag, fields));
    } catch (error) {
      if (error instanceof ConflictError)
        throw new ConflictError(toRecord(error.current as ListItemWithFields<ContactFields>));
      throw error;
    }
  }

  async create(gateway: GraphGateway, contact: NewContact): Promise<ContactRecord> {
    const created = toRecord(await this.lists.contacts.create(gateway, toFields(contact)));
    this.version += 1;
    return created;
  }

  /** Sets the day a person left (kept for history, no roles from then on), if unchanged since `etag`. */
  async markDeactivated(gateway: GraphGateway, id: string, day: string, etag: string): Promise<ContactRecord> {
    try {
      const updated = toRecord(await this.lists.contacts.update(gateway, id, etag, { DeactivatedOn: day }));
      this.version += 1;
      return updated;
    } catch (error) {
      if (error instanceof ConflictError)
        throw new ConflictError(toRecord(error.current as ListItemWithFields<ContactFields>));
      throw error;
    }
  }

  async get(gateway: GraphGateway, id: string): Promise<ContactRecord> {
    return toRecord(await this.lists.contacts.get(gateway, id));
  }

  /**
   * The contact an earlier try of this operation added (its answer lost), with what adding it did to the
   * commitments: the answer the first try would have given.
   */
  async addedBy(
    gateway: GraphGateway,
    operationKey: string,
  ): Promise<{ person: ContactRecord; preview: RosterPreview } | undefined> {
    const [item] = await this.lists.contacts.findByOperationKey(gateway, operationKey);
    if (!item) return undefined;
    const person = toRecord(item);
    const people = await this.list(gateway);
    const before = people.filter((p) => p.id !== person.id);
    return { person, preview: previewRosterChange(this.organisations, before, people) };
  }

  /** What replacing (or adding) `person` in the list does to the commitments. */
  async preview(gateway: GraphGateway, person: RosterPerson): Promise<RosterPreview> {
    const people = await this.list(gateway);
    const after = people.some((p) => p.id === person.id)
      ? people.map((p) => (p.id === person.id ? person : p))
      : [...people, person];
    return previewRosterChange(this.organisations, people, after);
  }

  /**
   * Applies a change checked by the domain's rules, only if the item is unchanged since `etag` was read.
   * A lost race surfaces as ConflictError carrying the person as they are now.
   */
  async update(gateway: GraphGateway, id: string, patch: ContactPatch, etag: string): Promise<ContactRecord> {
    return (await this.change(gateway, id, patch, etag)).person;
  }

  /**
   * A change of a person with what it does to the commitments: with `dryRun` nothing is written; a change that
   * brings new warnings is written only with `confirm`.
   */
  async change(
    gateway: GraphGateway,
    id: string,
    patch: ContactPatch,
    etag: string,
  ): Promise<{ person: ContactRecord; preview: RosterPreview; saved: boolean }> {
    const current = toRecord(await this.lists.contacts.get(gateway, id));
    if (current.deactivatedOn && patch.roles !== undefined && patch.roles.length > 0) {
      throw new DomainRuleError(
        'CONTACT_DEACTIVATED',
        `${current.displayName} är avaktiverad sedan ${current.deactivatedOn} och kan inte få roller.`,
      );
    }
    const next = createPerson(
      {
        id,
        displayName: patch.displayName ?? current.displayName,
        email: patch.email ?? current.email,
        organisationId: patch.organisationId ?? current.organisationId,
        roles: patch.roles ?? current.roles,
        title: patch.title === undefined ? current.title : patch.title || undefined,
        phone: patch.phone === undefined ? current.phone : patch.phone || undefined,
      },
      this.organisations,
    );
    const boughtInService = patch.boughtInService ?? current.boughtInService ?? false;
    const preview = await this.preview(gateway, { ...current, ...next, boughtInService });
    if (patch.dryRun === true) return { person: { ...current, ...next, boughtInService }, preview, saved: false };
    assertRosterChangeConfirmed(preview, patch.confirm === true);
    try {
      const updated = await this.lists.contacts.update(gateway, id, etag, {
        ...toFields({ ...next, title: next.title ?? '', phone: next.phone ?? '' }),
        ...(patch.boughtInService !== undefined ? { BoughtInService: patch.boughtInService } : {}),
      });
      this.version += 1;
      return { person: toRecord(updated), preview, saved: true };
    } catch (error) {
      if (error instanceof ConflictError)
        throw new ConflictError(toRecord(error.current as ListItemWithFields<ContactFields>));
      throw error;
    }
  }

  /**
   * The people with their Entra object id, resolved once: Graph keys users by id or userPrincipalName, never by
   * e-mail (a guest's UPN is `name_domain#EXT#@tenant.onmicrosoft.com`). Whoever lacks the id is looked up by
   * their address as the acting user (`$filter=mail eq …`, delegated User.ReadBasic.All) and the id is stored
   * in Kontakter (EntraObjectId), so the next call needs no lookup. Someone the directory does not know is a
   * clear Swedish error naming them.
   */
  async withObjectIds(
    user: GraphGateway,
    app: GraphGateway,
    people: ContactRecord[],
    ids: readonly string[],
  ): Promise<ContactRecord[]> {
    const wanted = new Set(ids);
    const missing = people.filter((p) => wanted.has(p.id) && !p.entraObjectId);
    if (missing.length === 0) return people;
    const resolved = new Map<string, string>();
    await Promise.all(
      missing.map(async (person) => {
        const found = await user.findUserByMail(person.email);
        if (!found?.id)
          throw new DomainRuleError(
            'PERSON_NOT_IN_DIRECTORY',
            `${person.displayName} (${person.email}) finns inte i Region Västerbottens katalog i Microsoft 365. ` +
              'Be administratören bjuda in hen som gäst och försök sedan igen.',
          );
        resolved.set(person.id, found.id);
        try {
          await this.lists.contacts.patch(app, person.id, person.etag, { EntraObjectId: found.id });
        } catch (error) {
          // Someone changed the contact meanwhile: the id is still right for this call; the next one stores it.
          if (!(error instanceof ConflictError)) throw error;
        }
      }),
    );
    return people.map((p) => (resolved.has(p.id) ? { ...p, entraObjectId: resolved.get(p.id)! } : p));
  }

  /** Fills an empty register (local mode's seed); does nothing when anyone is already there. */
  async seedIfEmpty(gateway: GraphGateway, people: readonly NewContact[]): Promise<number> {
    if (await this.lists.contacts.hasItems(gateway)) return 0;
    try {
      await this.lists.contacts.createMany(gateway, people.map(toFields));
    } catch {
      // A failed batch may have landed in part; the pass below adds exactly who is missing.
    }
    const present = new Set((await this.list(gateway)).map((p) => p.email));
    for (const person of people) {
      if (!present.has(person.email.toLowerCase())) await this.lists.contacts.create(gateway, toFields(person));
    }
    return people.length;
  }
}
