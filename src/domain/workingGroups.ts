import { z } from 'zod';
import { type IsoDate } from './calendar';
import { DomainRuleError, DomainValidationError } from './errors';
import { idSchema, isoDateSchema, parseOrThrow } from './validation';

export const WORKING_GROUP_STATUSES = ['aktiv', 'avslutad'] as const;
export type WorkingGroupStatus = (typeof WORKING_GROUP_STATUSES)[number];

export const WORKING_GROUP_STATUS_LABELS: Record<WorkingGroupStatus, { sv: string; en: string }> = {
  aktiv: { sv: 'Aktiv', en: 'Active' },
  avslutad: { sv: 'Avslutad', en: 'Closed' },
};

/** Teams channel membership types: standard (all team members), private, shared (B2B direct connect). */
export const MEMBERSHIP_TYPES = ['standard', 'private', 'shared'] as const;
export type MembershipType = (typeof MEMBERSHIP_TYPES)[number];

export const CHANNEL_NAME_MAX = 50;

export interface WorkingGroup {
  id: string;
  name: string;
  syfte: string;
  uppdrag: string;
  malsattning?: string;
  memberIds: string[];
  convenerId: string;
  period: { start: IsoDate; end?: IsoDate };
  status: WorkingGroupStatus;
  membershipType: MembershipType;
  decisionId?: string;
  finalReport?: string;
}

const workingGroupSchema = z
  .object({
    id: idSchema,
    name: z
      .string({ error: 'Namnet saknas.' })
      .trim()
      .min(1, 'Namnet får inte vara tomt.')
      .max(CHANNEL_NAME_MAX, `Namnet får vara högst ${CHANNEL_NAME_MAX} tecken.`),
    syfte: z.string({ error: 'Syfte saknas.' }).trim().min(1, 'Syftet får inte vara tomt.'),
    uppdrag: z.string({ error: 'Uppdrag saknas.' }).trim().min(1, 'Uppdraget får inte vara tomt.'),
    malsattning: z
      .string({ error: 'Målsättningen måste vara text.' })
      .trim()
      .min(1, 'Målsättningen får inte vara tom.')
      .optional(),
    memberIds: z
      .array(idSchema, { error: 'Medlemmarna måste anges som en lista.' })
      .min(1, 'En arbetsgrupp måste ha minst en medlem.')
      .transform((ids) => [...new Set(ids)]),
    convenerId: idSchema,
    period: z
      .object({ start: isoDateSchema, end: isoDateSchema.optional() }, { error: 'Perioden saknas.' })
      .refine((p) => p.end === undefined || p.end >= p.start, {
        path: ['end'],
        message: 'Slutdatum ligger före startdatum.',
      }),
    status: z
      .enum(WORKING_GROUP_STATUSES, {
        error: (issue) => `Okänd status: ${issue.input === undefined ? 'saknas' : String(issue.input)}.`,
      })
      .default('aktiv'),
    membershipType: z
      .enum(MEMBERSHIP_TYPES, {
        error: (issue) => `Okänd kanaltyp: ${issue.input === undefined ? 'saknas' : String(issue.input)}.`,
      })
      .default('standard'),
    decisionId: idSchema.optional(),
    finalReport: z
      .string({ error: 'Slutrapporten måste vara text.' })
      .trim()
      .min(1, 'Slutrapporten får inte vara tom.')
      .optional(),
  })
  .refine((g) => g.memberIds.includes(g.convenerId), {
    path: ['convenerId'],
    message: 'Sammankallande måste vara medlem i arbetsgruppen.',
  })
  .refine((g) => g.status !== 'avslutad' || (g.finalReport !== undefined && g.period.end !== undefined), {
    path: ['finalReport'],
    message: 'En avslutad arbetsgrupp måste ha slutdatum och slutrapport.',
  });

export function createWorkingGroup(input: unknown, knownPersonIds?: readonly string[]): WorkingGroup {
  const group = parseOrThrow(workingGroupSchema, input);
  if (knownPersonIds) {
    const known = new Set(knownPersonIds);
    const unknown = group.memberIds.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new DomainValidationError(
        unknown.map(() => ({ path: 'memberIds', message: 'En vald person finns inte i kontaktlistan.' })),
      );
    }
  }
  return group;
}

export function endWorkingGroup(group: WorkingGroup, finalReport: string, date: IsoDate): WorkingGroup {
  const input = parseOrThrow(
    z.object({
      finalReport: z.string({ error: 'Slutrapport saknas.' }).trim().min(1, 'Slutrapporten får inte vara tom.'),
      date: isoDateSchema,
    }),
    { finalReport, date },
  );
  if (group.status === 'avslutad') {
    throw new DomainRuleError('WORKING_GROUP_ALREADY_ENDED', 'Arbetsgruppen är redan avslutad.');
  }
  if (input.date < group.period.start) {
    throw new DomainRuleError('WORKING_GROUP_END_BEFORE_START', 'Slutdatum ligger före startdatum.');
  }
  return {
    ...group,
    memberIds: [...group.memberIds],
    period: { start: group.period.start, end: input.date },
    status: 'avslutad',
    finalReport: input.finalReport,
  };
}

export function setMembers(
  group: WorkingGroup,
  memberIds: readonly string[],
  convenerId = group.convenerId,
): WorkingGroup {
  if (group.status === 'avslutad') {
    throw new DomainRuleError('WORKING_GROUP_ALREADY_ENDED', 'Arbetsgruppen är avslutad; medlemmarna kan inte ändras.');
  }
  return createWorkingGroup({ ...group, period: { ...group.period }, memberIds: [...memberIds], convenerId });
}

// Characters Teams refuses in channel names, plus control characters.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHANNEL_CHARS = /[~#%&*{}+/\\:<>?|'"\u0000-\u001F\u007F]/g;

function trimChannelName(name: string): string {
  return name.replace(/^[\s._]+/, '').replace(/[\s.]+$/, '');
}

/** The Teams channel display name for a working group: cleaned, at most 50 characters, unique (case-insensitive). */
export function channelNameFor(name: string, existingNames: readonly string[] = []): string {
  const raw = parseOrThrow(z.string({ error: 'Namnet saknas.' }), name);
  const cleaned = trimChannelName(raw.replace(FORBIDDEN_CHANNEL_CHARS, ' ').replace(/\s+/g, ' '));
  const base = trimChannelName(cleaned.slice(0, CHANNEL_NAME_MAX));
  if (base === '') {
    throw new DomainValidationError([
      { path: 'name', message: 'Namnet blir tomt när tecken som Teams inte tillåter har tagits bort.' },
    ]);
  }
  const taken = new Set(existingNames.map((n) => n.trim().toLocaleLowerCase('sv')));
  if (!taken.has(base.toLocaleLowerCase('sv'))) return base;
  for (let n = 2; ; n += 1) {
    const suffix = ` (${n})`;
    const candidate = `${trimChannelName(base.slice(0, CHANNEL_NAME_MAX - suffix.length))}${suffix}`;
    if (!taken.has(candidate.toLocaleLowerCase('sv'))) return candidate;
  }
}
