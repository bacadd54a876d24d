import type { Organisation } from './organisations';
import { isSamverkansgruppMember, type Person } from './people';

export type CommitmentBreachCode =
  | 'KOMMUN_WITHOUT_REPRESENTATIVE'
  | 'KOMMUN_TOO_MANY_REPRESENTATIVES'
  | 'NO_CHAIR'
  | 'MULTIPLE_CHAIRS'
  | 'CHAIR_NOT_KOMMUN'
  | 'STODGRUPP_KOMMUN_COUNT'
  | 'STODGRUPP_WITHOUT_SAMORDNARE'
  | 'STODGRUPP_WITHOUT_LANSSTYRELSE'
  | 'NO_SAMORDNARE'
  | 'SAMORDNARE_NOT_FROM_HOST'
  | 'PERSON_UNKNOWN_ORGANISATION';

export interface CommitmentBreach {
  code: CommitmentBreachCode;
  organisationId?: string;
  personIds?: string[];
  message: string;
}

export const SAMVERKANSGRUPP_MAX_PER_KOMMUN = 2;
export const STODGRUPP_KOMMUN_MIN = 3;
export const STODGRUPP_KOMMUN_MAX = 4;

function names(people: readonly Person[]): string {
  return people.map((p) => p.displayName).join(', ');
}

/**
 * Checks the contact list against the agreement. Membership is read from roles only: a person is in
 * stödgruppen when holding 'stodgrupp', so the samordnare must hold both 'samordnare' and 'stodgrupp'.
 */
type KindOf = (person: Person) => Organisation['kind'] | undefined;

export function checkCommitments(
  organisations: readonly Organisation[],
  people: readonly Person[],
): CommitmentBreach[] {
  const orgById = new Map(organisations.map((org) => [org.id, org]));
  const kindOf = (person: Person) => orgById.get(person.organisationId)?.kind;
  return [
    ...unknownOrganisations(organisations, people),
    ...kommunRepresentation(organisations, people),
    ...chairBreaches(organisations, people, kindOf),
    ...stodgruppBreaches(organisations, people, kindOf),
    ...samordnareBreaches(organisations, people),
  ];
}

/** People whose organisation is not one of the agreement's. */
function unknownOrganisations(organisations: readonly Organisation[], people: readonly Person[]): CommitmentBreach[] {
  const breaches: CommitmentBreach[] = [];
  const known = new Set(organisations.map((org) => org.id));
  for (const person of people) {
    if (!known.has(person.organisationId)) {
      breaches.push({
        code: 'PERSON_UNKNOWN_ORGANISATION',
        organisationId: person.organisationId,
        personIds: [person.id],
        message: `${person.displayName} tillhör en okänd organisation.`,
      });
    }
  }
  return breaches;
}

/** Each kommun has one to SAMVERKANSGRUPP_MAX_PER_KOMMUN representatives in samverkansgruppen. */
function kommunRepresentation(organisations: readonly Organisation[], people: readonly Person[]): CommitmentBreach[] {
  const breaches: CommitmentBreach[] = [];
  for (const org of organisations.filter((o) => o.kind === 'kommun')) {
    const reps = people.filter((p) => p.organisationId === org.id && isSamverkansgruppMember(p));
    if (reps.length === 0) {
      breaches.push({
        code: 'KOMMUN_WITHOUT_REPRESENTATIVE',
        organisationId: org.id,
        message: `${org.name} saknar representant i samverkansgruppen.`,
      });
    } else if (reps.length > SAMVERKANSGRUPP_MAX_PER_KOMMUN) {
      breaches.push({
        code: 'KOMMUN_TOO_MANY_REPRESENTATIVES',
        organisationId: org.id,
        personIds: reps.map((p) => p.id),
        message: `${org.name} har ${reps.length} representanter i samverkansgruppen; högst ${SAMVERKANSGRUPP_MAX_PER_KOMMUN} är tillåtna.`,
      });
    }
  }
  return breaches;
}

/** One ordförande, a kommun's representative. */
function chairBreaches(
  organisations: readonly Organisation[],
  people: readonly Person[],
  kindOf: KindOf,
): CommitmentBreach[] {
  const breaches: CommitmentBreach[] = [];
  const chairs = people.filter((p) => p.roles.includes('ordforande'));
  if (chairs.length === 0) {
    breaches.push({ code: 'NO_CHAIR', message: 'Samverkansgruppen saknar ordförande.' });
  } else if (chairs.length > 1) {
    breaches.push({
      code: 'MULTIPLE_CHAIRS',
      personIds: chairs.map((p) => p.id),
      message: `Samverkansgruppen har flera ordförande (${names(chairs)}); det ska finnas en.`,
    });
  }
  for (const chair of chairs) {
    if (kindOf(chair) !== 'kommun') {
      breaches.push({
        code: 'CHAIR_NOT_KOMMUN',
        organisationId: chair.organisationId,
        personIds: [chair.id],
        message: `Ordföranden (${chair.displayName}) ska vara en kommunrepresentant i samverkansgruppen.`,
      });
    }
  }
  return breaches;
}

/** Stödgruppen: its number of kommun representatives, the samordnare and Länsstyrelsen in it. */
function stodgruppBreaches(
  organisations: readonly Organisation[],
  people: readonly Person[],
  kindOf: KindOf,
): CommitmentBreach[] {
  const breaches: CommitmentBreach[] = [];
  const stodgrupp = people.filter((p) => p.roles.includes('stodgrupp'));
  const stodKommun = stodgrupp.filter((p) => kindOf(p) === 'kommun');
  if (stodKommun.length < STODGRUPP_KOMMUN_MIN || stodKommun.length > STODGRUPP_KOMMUN_MAX) {
    breaches.push({
      code: 'STODGRUPP_KOMMUN_COUNT',
      personIds: stodKommun.map((p) => p.id),
      message: `Stödgruppen har ${stodKommun.length} kommunrepresentanter; avtalet anger ${STODGRUPP_KOMMUN_MIN}–${STODGRUPP_KOMMUN_MAX}.`,
    });
  }
  if (!stodgrupp.some((p) => p.roles.includes('samordnare'))) {
    breaches.push({ code: 'STODGRUPP_WITHOUT_SAMORDNARE', message: 'Samordnaren ingår inte i stödgruppen.' });
  }
  if (!stodgrupp.some((p) => kindOf(p) === 'lansstyrelse')) {
    breaches.push({
      code: 'STODGRUPP_WITHOUT_LANSSTYRELSE',
      organisationId: organisations.find((o) => o.kind === 'lansstyrelse')?.id,
      message: 'Stödgruppen saknar representant från Länsstyrelsen.',
    });
  }
  return breaches;
}

/** A samordnare, from the huvudman. */
function samordnareBreaches(organisations: readonly Organisation[], people: readonly Person[]): CommitmentBreach[] {
  const breaches: CommitmentBreach[] = [];
  const coordinators = people.filter((p) => p.roles.includes('samordnare'));
  const host = organisations.find((o) => o.isHost === true);
  if (coordinators.length === 0) {
    breaches.push({ code: 'NO_SAMORDNARE', organisationId: host?.id, message: 'Det finns ingen samordnare.' });
  }
  for (const coordinator of coordinators) {
    if (!host || coordinator.organisationId !== host.id) {
      breaches.push({
        code: 'SAMORDNARE_NOT_FROM_HOST',
        organisationId: coordinator.organisationId,
        personIds: [coordinator.id],
        message: `Samordnaren (${coordinator.displayName}) ska komma från huvudmannen${host ? ` (${host.name})` : ''}.`,
      });
    }
  }
  return breaches;
}
