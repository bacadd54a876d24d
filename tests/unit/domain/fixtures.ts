import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  DomainValidationError,
  parseOrganisations,
  createPerson,
  type Organisation,
  type Person,
} from '../../../src/domain';

const configPath = fileURLToPath(new URL('../../../config/organisations.vasterbotten.json', import.meta.url));

export function loadConfigJson(): unknown {
  return JSON.parse(readFileSync(configPath, 'utf8'));
}

export function vasterbotten(): Organisation[] {
  return parseOrganisations(loadConfigJson());
}

/** A contact list that satisfies every commitment. */
export function fullContactList(orgs: Organisation[]): Person[] {
  const people: Person[] = [];
  for (const org of orgs.filter((o) => o.kind === 'kommun')) {
    people.push(
      createPerson(
        {
          id: `p-${org.id}`,
          displayName: `Representant ${org.name}`,
          email: `rep@${org.emailDomain}`,
          organisationId: org.id,
          roles: ['samverkansgrupp'],
        },
        orgs,
      ),
    );
  }
  const withRole = (id: string, role: 'ordforande' | 'stodgrupp') => {
    const index = people.findIndex((p) => p.id === id);
    const person = people[index] as Person;
    people[index] = { ...person, roles: [...person.roles, role] };
  };
  withRole('p-umea', 'ordforande');
  withRole('p-skelleftea', 'stodgrupp');
  withRole('p-lycksele', 'stodgrupp');
  withRole('p-vannas', 'stodgrupp');
  people.push(
    createPerson(
      {
        id: 'p-samordnare',
        displayName: 'Sara Samordnare',
        email: 'sara@regionvasterbotten.se',
        organisationId: 'region-vasterbotten',
        roles: ['samordnare', 'stodgrupp', 'samverkansgrupp'],
      },
      orgs,
    ),
    createPerson(
      {
        id: 'p-lst',
        displayName: 'Lena Länsstyrelsen',
        email: 'lena@lansstyrelsen.se',
        organisationId: 'lansstyrelsen-vasterbotten',
        roles: ['stodgrupp'],
      },
      orgs,
    ),
  );
  return people;
}

/** Runs fn, expects a DomainValidationError, and returns its issues. */
export function validationIssues(fn: () => unknown): { path: string; message: string }[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainValidationError) return error.issues;
    throw error;
  }
  throw new Error('expected a DomainValidationError');
}

export function messages(fn: () => unknown): string[] {
  return validationIssues(fn).map((issue) => issue.message);
}
