import { ForbiddenError } from './errors';
import { convenerRole, type MeetingGroup } from './meetings';
import { ROLES, type Role } from './roles';

export interface ActionRule {
  roles: readonly Role[];
  /** Swedish, completes "Du har inte behörighet att …". */
  description: string;
  /** For meeting actions the convener of that meeting's group decides; `roles` is the union. */
  meetingScoped?: boolean;
}

export const ACTIONS = {
  'samverkansgrupp.kalla': { roles: ['ordforande'], description: 'kalla till samverkansgruppens möten' },
  // "Samverkansgruppens möten förbereds av ordföranden och samordnaren": both find times and send polls.
  'samverkansgrupp.plan': {
    roles: ['ordforande', 'samordnare'],
    description: 'planera samverkansgruppens möten',
  },
  'stodgrupp.kalla': { roles: ['samordnare'], description: 'kalla till stödgruppens möten' },
  'meeting.reschedule': {
    roles: ['ordforande', 'samordnare'],
    description: 'flytta mötet',
    meetingScoped: true,
  },
  'meeting.cancel': { roles: ['ordforande', 'samordnare'], description: 'ställa in mötet', meetingScoped: true },
  'meeting.attendance': { roles: ['samordnare'], description: 'registrera närvaro' },
  'decision.record': { roles: ['samordnare'], description: 'protokollföra beslut' },
  // Who is justerare is decided per meeting and checked elsewhere; this only limits it to the group.
  'protocol.approve': {
    roles: ['samverkansgrupp', 'ordforande', 'samordnare'],
    description: 'justera protokollet',
  },
  // Stödgruppen's secretary (the samordnare, or a stand-in the meeting chose); who is secretary is checked elsewhere.
  'minutes.confirm': { roles: ['stodgrupp', 'samordnare'], description: 'fastställa minnesanteckningarna' },
  'proposal.create': { roles: ['stodgrupp', 'samordnare'], description: 'lämna förslag till samverkansgruppen' },
  'activity.propose': { roles: ['stodgrupp', 'samordnare'], description: 'föreslå aktiviteter' },
  'activity.decide': { roles: ['samordnare'], description: 'registrera beslut om aktiviteter' },
  'activity.evaluate': { roles: ['samordnare'], description: 'registrera utvärderingar av aktiviteter' },
  'budget.edit': { roles: ['samordnare'], description: 'ändra budgeten' },
  'outcome.book': { roles: ['samordnare'], description: 'bokföra utfall' },
  'contacts.edit': { roles: ['samordnare'], description: 'ändra kontaktlistan' },
  'workinggroup.appoint': { roles: ['samordnare'], description: 'tillsätta arbetsgrupper' },
  'workinggroup.end': { roles: ['samordnare'], description: 'avsluta arbetsgrupper' },
  'workinggroup.members': { roles: ['samordnare'], description: 'ändra medlemmar i arbetsgrupper' },
  'news.post': { roles: ['samordnare'], description: 'publicera nyheter' },
  'report.read': { roles: ROLES, description: 'läsa rapporter' },
  'time.log': { roles: ['samordnare'], description: 'registrera samordnarens tid' },
  'assignment.delegate': { roles: ['samordnare', 'ordforande'], description: 'delegera uppdrag' },
} as const satisfies Record<string, ActionRule>;

export type ActionId = keyof typeof ACTIONS;
export const ACTION_IDS = Object.keys(ACTIONS) as ActionId[];

export interface ActionContext {
  /** For meeting-scoped actions: the group whose meeting is acted on. */
  meetingGroup?: MeetingGroup;
  /**
   * The person is samverkansgruppen's appointed sammankallande today (a decision in force, convener.ts): they
   * plan, call, move and cancel samverkansgrupp meetings like the ordförande.
   */
  appointedConvener?: boolean;
}

/** What an appointed sammankallande may do besides their roles. */
const APPOINTED_CONVENER_ACTIONS: readonly string[] = ['samverkansgrupp.kalla', 'samverkansgrupp.plan'];

function byAppointment(action: ActionId, ctx: ActionContext): boolean {
  if (!ctx.appointedConvener) return false;
  if (APPOINTED_CONVENER_ACTIONS.includes(action)) return true;
  return Boolean(rule(action).meetingScoped) && (ctx.meetingGroup ?? 'samverkansgrupp') === 'samverkansgrupp';
}

function rule(action: ActionId): ActionRule {
  return ACTIONS[action];
}

export function isActionId(value: unknown): value is ActionId {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ACTIONS, value);
}

function allowedRoles(action: ActionId, ctx: ActionContext): readonly Role[] {
  const r = rule(action);
  if (r.meetingScoped && ctx.meetingGroup) return [convenerRole(ctx.meetingGroup)];
  return r.roles;
}

export function can(roles: readonly Role[], action: ActionId, ctx: ActionContext = {}): boolean {
  if (!isActionId(action)) return false;
  if (byAppointment(action, ctx)) return true;
  const allowed = allowedRoles(action, ctx);
  return roles.some((role) => allowed.includes(role));
}

export function allowedActions(roles: readonly Role[], ctx: ActionContext = {}): ActionId[] {
  return ACTION_IDS.filter((action) => can(roles, action, ctx));
}

export function requireRole(roles: readonly Role[], action: ActionId, ctx: ActionContext = {}): void {
  if (can(roles, action, ctx)) return;
  const description = isActionId(action) ? rule(action).description : 'utföra den här åtgärden';
  throw new ForbiddenError(String(action), `Du har inte behörighet att ${description}.`);
}

/**
 * Role before schema: refuses someone who may do none of `actions` before their input is even read, so that a
 * refusal never teaches the shape of a request. The exact action (e.g. which group's kallelse) is checked
 * again once the input is known.
 */
export function requireAnyRole(
  roles: readonly Role[],
  actions: readonly ActionId[],
  ctx: Pick<ActionContext, 'appointedConvener'> = {},
): void {
  if (actions.some((action) => can(roles, action, ctx))) return;
  const first = actions[0];
  const description = first && isActionId(first) ? rule(first).description : 'utföra den här åtgärden';
  throw new ForbiddenError(String(first), `Du har inte behörighet att ${description}.`);
}
