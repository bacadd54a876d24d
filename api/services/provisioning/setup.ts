import { SEED_TOPIC_TAGS, type Organisation } from '../../../src/domain';
import type { GraphGateway } from '../../graph/gateway';
import type { ContactsService, NewContact } from '../contacts';
import { provisionLists, type ListReport, type ProvisioningOptions } from './lists';
import type { ListStores, SiteDirectory } from '../lists';

export interface SetupReport {
  lists: ListReport[];
  contactsSeeded: number;
  organisationsSeeded: number;
  /** Ämnestaggar filled with the agreement's themes when empty (#17). */
  topicTagsSeeded: number;
}

/**
 * Provisions the lists and, when given, fills empty registers (local mode seeds Kontakter from the local
 * tenant's people and Organisationer from the organisations file). Runs as the app (client credentials).
 */
export async function prepareSite(
  gateway: GraphGateway,
  parts: { site: SiteDirectory; lists: Pick<ListStores, 'organisations' | 'topicTags'>; contacts: ContactsService },
  options: ProvisioningOptions & {
    seedContacts?: readonly NewContact[];
    seedOrganisations?: readonly Organisation[];
  } = {},
): Promise<SetupReport> {
  const lists = await provisionLists(gateway, parts.site, options);
  const contactsSeeded = options.seedContacts ? await parts.contacts.seedIfEmpty(gateway, options.seedContacts) : 0;
  let organisationsSeeded = 0;
  if (options.seedOrganisations) {
    if (!(await parts.lists.organisations.hasItems(gateway))) {
      const answers = await parts.lists.organisations.createMany(
        gateway,
        options.seedOrganisations.map((o) => ({
          Title: o.name,
          OrganisationId: o.id,
          Kind: o.kind,
          EmailDomain: o.emailDomain,
          IsHost: o.isHost === true,
        })),
      );
      organisationsSeeded = answers.filter((a) => a.status === 201).length;
    }
  }
  let topicTagsSeeded = 0;
  if (!(await parts.lists.topicTags.hasItems(gateway))) {
    const answers = await parts.lists.topicTags.createMany(
      gateway,
      SEED_TOPIC_TAGS.map((name) => ({ Title: name })),
    );
    topicTagsSeeded = answers.filter((a) => a.status === 201).length;
  }
  return { lists, contactsSeeded, organisationsSeeded, topicTagsSeeded };
}
