import { z } from 'zod';
import type { Organisation } from './organisations';
import { ROLES, ROLE_LABELS, type Role } from './roles';
import { parseOrThrow } from './validation';

export interface Person {
  id: string;
  displayName: string;
  email: string;
  organisationId: string;
  roles: Role[];
  title?: string;
  phone?: string;
}

export interface PersonInput {
  id: string;
  displayName: string;
  email: string;
  organisationId: string;
  roles?: readonly string[];
  title?: string;
  phone?: string;
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_RE = /^\+?[0-9 ()-]{5,20}$/;

function personSchema(organisations: readonly Organisation[]) {
  const orgIds = new Set(organisations.map((org) => org.id));
  return z.object({
    id: z.string({ error: 'Id saknas.' }).trim().min(1, 'Id får inte vara tomt.'),
    displayName: z.string({ error: 'Namnet saknas.' }).trim().min(1, 'Namnet får inte vara tomt.'),
    email: z.string({ error: 'E-postadressen saknas.' }).trim().toLowerCase().regex(EMAIL_RE, 'Ogiltig e-postadress.'),
    organisationId: z.string({ error: 'Organisation saknas.' }).refine((id) => orgIds.has(id), {
      error: (issue) => `Okänd organisation: ${issue.input === undefined ? 'saknas' : String(issue.input)}.`,
    }),
    roles: z
      .array(
        z.enum(ROLES, {
          error: (issue) => `Okänd roll: ${issue.input === undefined ? 'saknas' : String(issue.input)}.`,
        }),
        {
          error: 'Rollerna måste anges som en lista.',
        },
      )
      .default([])
      .superRefine((roles, ctx) => {
        const seen = new Set<string>();
        roles.forEach((role, index) => {
          if (seen.has(role))
            ctx.addIssue({
              code: 'custom',
              path: [index],
              message: `Rollen ${ROLE_LABELS[role].sv} förekommer flera gånger.`,
            });
          seen.add(role);
        });
      }),
    title: z.string({ error: 'Titeln måste vara text.' }).trim().min(1, 'Titeln får inte vara tom.').optional(),
    phone: z
      .string({ error: 'Telefonnumret måste vara text.' })
      .trim()
      .regex(PHONE_RE, 'Ogiltigt telefonnummer.')
      .optional(),
  });
}

export function createPerson(input: unknown, organisations: readonly Organisation[]): Person {
  return parseOrThrow(personSchema(organisations), input);
}

export function hasRole(person: Pick<Person, 'roles'>, role: Role): boolean {
  return person.roles.includes(role);
}

export function isSamverkansgruppMember(person: Pick<Person, 'roles'>): boolean {
  return hasRole(person, 'samverkansgrupp') || hasRole(person, 'ordforande');
}

export function withRoles(person: Person, roles: readonly string[], organisations: readonly Organisation[]): Person {
  return createPerson({ ...person, roles: [...roles] }, organisations);
}
