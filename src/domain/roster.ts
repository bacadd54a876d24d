import { toIsoDate, type IsoDate } from './calendar';
import { checkCommitments, type CommitmentBreach } from './commitments';
import { DomainRuleError } from './errors';
import type { Organisation } from './organisations';
import type { Person } from './people';
import type { Role } from './roles';

/**
 * The contact list the samordnare keeps current (#17): people come and go, and every change is checked against
 * the commitments before it is saved. A person who leaves is deactivated, not deleted: kept for history, with
 * no roles (out of every group and every future kallelse).
 */

/** A person of the contact list as the roster sees them. */
export interface RosterPerson extends Person {
  /** The day the person left the samverkan; absent while active. */
  deactivatedOn?: IsoDate;
  /** The roles held until deactivation, for history. */
  formerRoles?: Role[];
  /**
   * The samordnare's service is bought from another organisation ("alternativt köper tjänsten av en
   * samordnare"): recorded as such, a samordnare outside the huvudman is no breach.
   */
  boughtInService?: boolean;
}

export type RosterBreachCode = CommitmentBreach['code'] | 'MULTIPLE_SAMORDNARE' | 'STODGRUPP_MULTIPLE_LANSSTYRELSE';

export interface RosterBreach extends Omit<CommitmentBreach, 'code'> {
  code: RosterBreachCode;
}

export function isActive(person: Pick<RosterPerson, 'deactivatedOn'>): boolean {
  return person.deactivatedOn === undefined;
}

const names = (people: readonly Person[]) => people.map((p) => p.displayName).join(', ');

/** The roles only one person may hold: one samordnare, one representative of Länsstyrelsen in stödgruppen. */
function duplicates(organisations: readonly Organisation[], people: readonly RosterPerson[]): RosterBreach[] {
  const breaches: RosterBreach[] = [];
  const coordinators = people.filter((p) => p.roles.includes('samordnare'));
  if (coordinators.length > 1) {
    breaches.push({
      code: 'MULTIPLE_SAMORDNARE',
      personIds: coordinators.map((p) => p.id),
      message: `Det finns flera samordnare (${names(coordinators)}); avtalet anger en samordnare.`,
    });
  }
  const lst = organisations.filter((o) => o.kind === 'lansstyrelse').map((o) => o.id);
  const lstInStod = people.filter((p) => p.roles.includes('stodgrupp') && lst.includes(p.organisationId));
  if (lstInStod.length > 1) {
    breaches.push({
      code: 'STODGRUPP_MULTIPLE_LANSSTYRELSE',
      organisationId: lstInStod[0]!.organisationId,
      personIds: lstInStod.map((p) => p.id),
      message: `Stödgruppen har ${lstInStod.length} representanter från Länsstyrelsen (${names(lstInStod)}); avtalet anger en.`,
    });
  }
  return breaches;
}

/**
 * The commitments check over the active people: the agreement's counts, a bought-in samordnare allowed when
 * recorded as such, and duplicates of the roles only one may hold.
 */
export function checkRoster(organisations: readonly Organisation[], people: readonly RosterPerson[]): RosterBreach[] {
  const active = people.filter(isActive);
  const boughtIn = new Set(active.filter((p) => p.boughtInService === true).map((p) => p.id));
  const breaches: RosterBreach[] = checkCommitments(organisations, active).filter(
    (b) => !(b.code === 'SAMORDNARE_NOT_FROM_HOST' && (b.personIds ?? []).every((id) => boughtIn.has(id))),
  );
  return [...breaches, ...duplicates(organisations, active)];
}

const breachKey = (b: RosterBreach) => `${b.code}|${b.organisationId ?? ''}|${[...(b.personIds ?? [])].sort().join()}`;

/** What a change does to the commitments: every breach after it, and those it brings that were not there. */
export interface RosterPreview {
  breaches: RosterBreach[];
  introduced: RosterBreach[];
}

export function previewRosterChange(
  organisations: readonly Organisation[],
  before: readonly RosterPerson[],
  after: readonly RosterPerson[],
): RosterPreview {
  const known = new Set(checkRoster(organisations, before).map(breachKey));
  const breaches = checkRoster(organisations, after);
  return { breaches, introduced: breaches.filter((b) => !known.has(breachKey(b))) };
}

/** Refuses a change that brings new breaches unless the samordnare has seen them and confirms. */
export function assertRosterChangeConfirmed(preview: RosterPreview, confirmed: boolean): void {
  if (preview.introduced.length === 0 || confirmed) return;
  throw new DomainRuleError(
    'COMMITMENTS_NOT_CONFIRMED',
    `Ändringen ger avvikelser från åtagandena: ${preview.introduced.map((b) => b.message).join(' ')} ` +
      'Bekräfta för att spara ändå.',
  );
}

/** Deactivates a person on `today` (an instant or a date): no roles left, the former ones kept. */
export function deactivatePerson(person: RosterPerson, today: string): RosterPerson {
  if (!isActive(person)) {
    throw new DomainRuleError(
      'ALREADY_DEACTIVATED',
      `${person.displayName} är redan avaktiverad sedan ${person.deactivatedOn ?? ''}.`,
    );
  }
  return { ...person, roles: [], formerRoles: [...person.roles], deactivatedOn: toIsoDate(today) };
}

/** Refuses a second contact with the same address: the address is how the app knows a person. */
export function assertNewAddress(people: readonly Pick<Person, 'email' | 'displayName'>[], email: string): void {
  const address = email.trim().toLowerCase();
  const same = people.find((p) => p.email.toLowerCase() === address);
  if (same) {
    throw new DomainRuleError(
      'CONTACT_EXISTS',
      `Det finns redan en kontakt med e-postadressen ${address} (${same.displayName}).`,
    );
  }
}
