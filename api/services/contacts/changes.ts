import {
  assertNewAddress,
  assertRosterChangeConfirmed,
  createPerson,
  deactivatePerson,
  DomainRuleError,
  DomainValidationError,
  organisationForEmail,
  parseOrThrow,
  toIsoDate,
  type Organisation,
  type RosterPreview,
} from '../../../src/domain';
import type { GraphGateway } from '../../graph/gateway';
import { firstItemKey } from '../../state/operation';
import { systemClock, type Clock } from '../ports';
import type { ContactRecord, ContactsService } from './service';
import {
  deactivateContactSchema,
  newContactSchema,
  type DeactivateContactInput,
  type NewContactInput,
} from '../../../src/contract';

/** A change of the contact list and what it does to the commitments; `saved` is false after a dry run. */
export interface ContactChange {
  person: ContactRecord | Omit<ContactRecord, 'etag'>;
  preview: RosterPreview;
  saved: boolean;
}

/** Who a new contact is: from the Region's directory by address, or an external person as given. */
interface Identity {
  displayName: string;
  email: string;
  organisationId: string;
  entraObjectId?: string;
}

/**
 * The samordnare keeps the contact list current (#17): adds people (from the Region's directory or as external
 * persons) and deactivates those who leave, each change checked against the commitments before it is saved.
 */
export class ContactChanges {
  constructor(
    private readonly contacts: ContactsService,
    private readonly organisations: readonly Organisation[],
    private readonly clock: Clock = systemClock,
  ) {}

  /** Adds a person; `user` is the caller's delegated gateway, for the directory lookup. */
  async add(user: GraphGateway, gateway: GraphGateway, input: NewContactInput): Promise<ContactChange> {
    const data = parseOrThrow(newContactSchema, input);
    // A repeat of an add whose answer was lost finds its contact by the operation's key, instead of refusing
    // the address as taken by the very contact it added.
    const operation = data.dryRun === true ? undefined : firstItemKey('contacts');
    const earlier = operation ? await this.contacts.addedBy(gateway, operation) : undefined;
    if (earlier) return { ...earlier, saved: true };
    const identity: Identity =
      data.source === 'directory'
        ? await this.fromDirectory(user, data)
        : { displayName: data.displayName, email: data.email, organisationId: data.organisationId };
    assertNewAddress(await this.contacts.list(gateway), identity.email);
    const person = createPerson(
      {
        id: 'ny',
        displayName: identity.displayName,
        email: identity.email,
        organisationId: identity.organisationId,
        roles: data.roles ?? [],
        ...(data.title ? { title: data.title } : {}),
        ...(data.phone ? { phone: data.phone } : {}),
      },
      this.organisations,
    );
    const boughtInService = data.boughtInService === true;
    const preview = await this.contacts.preview(gateway, { ...person, boughtInService });
    const draft = {
      ...person,
      ...(boughtInService ? { boughtInService } : {}),
      ...(identity.entraObjectId ? { entraObjectId: identity.entraObjectId } : {}),
    };
    if (data.dryRun === true) return { person: draft, preview, saved: false };
    assertRosterChangeConfirmed(preview, data.confirm === true);
    const created = await this.contacts.create(gateway, {
      displayName: person.displayName,
      email: person.email,
      organisationId: person.organisationId,
      roles: person.roles,
      ...(person.title ? { title: person.title } : {}),
      ...(person.phone ? { phone: person.phone } : {}),
      ...(identity.entraObjectId ? { entraObjectId: identity.entraObjectId } : {}),
      ...(boughtInService ? { boughtInService } : {}),
    });
    return { person: created, preview, saved: true };
  }

  /**
   * Deactivates a person: kept for history, with no roles from today, so out of every group and every future
   * kallelse; the warnings it brings (a kommun without representative) need `confirm`.
   */
  async deactivate(
    gateway: GraphGateway,
    id: string,
    input: DeactivateContactInput,
    etag: string,
  ): Promise<ContactChange> {
    const data = parseOrThrow(deactivateContactSchema, input);
    const current = await this.contacts.get(gateway, id);
    const gone = deactivatePerson(current, this.clock.now().toISOString());
    const preview = await this.contacts.preview(gateway, gone);
    if (data.dryRun === true) return { person: { ...current, ...gone }, preview, saved: false };
    assertRosterChangeConfirmed(preview, data.confirm === true);
    const saved = await this.contacts.markDeactivated(gateway, id, gone.deactivatedOn ?? toIsoDate(new Date()), etag);
    return { person: saved, preview, saved: true };
  }

  private async fromDirectory(
    user: GraphGateway,
    data: Extract<NewContactInput, { source: 'directory' }>,
  ): Promise<Identity> {
    const found = await user.findUserByMail(data.email);
    if (!found?.id) {
      throw new DomainRuleError(
        'PERSON_NOT_IN_DIRECTORY',
        `${data.email} finns inte i Region Västerbottens katalog i Microsoft 365. Lägg till personen som extern ` +
          'kontakt, eller be administratören bjuda in hen som gäst.',
      );
    }
    const email = (found.mail ?? data.email).toLowerCase();
    const organisationId = data.organisationId ?? organisationForEmail(this.organisations, email)?.id;
    if (!organisationId) {
      throw new DomainValidationError([
        {
          path: 'organisationId',
          message: `E-postdomänen i ${email} hör inte till någon organisation i samverkan; ange organisation.`,
        },
      ]);
    }
    return {
      displayName: found.displayName ?? email,
      email,
      organisationId,
      entraObjectId: found.id,
    };
  }
}
