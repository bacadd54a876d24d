import { describe, expect, it } from '@jest/globals';
import {
  ACTIONS,
  ACTION_IDS,
  ForbiddenError,
  ROLES,
  allowedActions,
  can,
  isActionId,
  requireRole,
  type ActionId,
  type Role,
} from '../../../src/domain';

const expected: Record<ActionId, Role[]> = {
  'samverkansgrupp.kalla': ['ordforande'],
  'samverkansgrupp.plan': ['ordforande', 'samordnare'],
  'stodgrupp.kalla': ['samordnare'],
  'meeting.reschedule': ['ordforande', 'samordnare'],
  'meeting.cancel': ['ordforande', 'samordnare'],
  'meeting.attendance': ['samordnare'],
  'decision.record': ['samordnare'],
  'protocol.approve': ['samverkansgrupp', 'ordforande', 'samordnare'],
  'minutes.confirm': ['stodgrupp', 'samordnare'],
  'proposal.create': ['stodgrupp', 'samordnare'],
  'activity.propose': ['stodgrupp', 'samordnare'],
  'activity.decide': ['samordnare'],
  'activity.evaluate': ['samordnare'],
  'budget.edit': ['samordnare'],
  'outcome.book': ['samordnare'],
  'contacts.edit': ['samordnare'],
  'workinggroup.appoint': ['samordnare'],
  'workinggroup.end': ['samordnare'],
  'workinggroup.members': ['samordnare'],
  'news.post': ['samordnare'],
  'report.read': [...ROLES],
  'time.log': ['samordnare'],
  'assignment.delegate': ['samordnare', 'ordforande'],
};

const table = ACTION_IDS.flatMap((action) =>
  ROLES.map((role) => [action, role, expected[action].includes(role)] as const),
);

describe('authorisation matrix', () => {
  it('covers exactly the expected actions', () => {
    expect([...ACTION_IDS].sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(table)('%s by %s → %s', (action, role, allowed) => {
    expect(can([role], action)).toBe(allowed);
    if (allowed) {
      expect(() => requireRole([role], action)).not.toThrow();
    } else {
      expect(() => requireRole([role], action)).toThrow(ForbiddenError);
    }
  });

  it.each([
    ['meeting.reschedule', 'samverkansgrupp', 'ordforande', true],
    ['meeting.reschedule', 'samverkansgrupp', 'samordnare', false],
    ['meeting.reschedule', 'stodgrupp', 'samordnare', true],
    ['meeting.reschedule', 'stodgrupp', 'ordforande', false],
    ['meeting.cancel', 'samverkansgrupp', 'ordforande', true],
    ['meeting.cancel', 'stodgrupp', 'ordforande', false],
    ['meeting.cancel', 'stodgrupp', 'samordnare', true],
    ['news.post', 'stodgrupp', 'samordnare', true],
  ] as const)('%s of a %s meeting by %s → %s', (action, meetingGroup, role, allowed) => {
    expect(can([role], action, { meetingGroup })).toBe(allowed);
  });

  it('combines roles and lists allowed actions', () => {
    expect(can([], 'report.read')).toBe(false);
    expect(can(['samverkansgrupp', 'stodgrupp'], 'proposal.create')).toBe(true);
    expect(allowedActions(['samverkansgrupp'])).toEqual(['protocol.approve', 'report.read']);
    expect(allowedActions(['samordnare'])).not.toContain('samverkansgrupp.kalla');
    expect(allowedActions(['ordforande'])).toEqual([
      'samverkansgrupp.kalla',
      'samverkansgrupp.plan',
      'meeting.reschedule',
      'meeting.cancel',
      'protocol.approve',
      'report.read',
      'assignment.delegate',
    ]);
  });

  it('refuses with a Swedish message built from the description', () => {
    let caught: unknown;
    try {
      requireRole(['stodgrupp'], 'budget.edit');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ForbiddenError);
    expect((caught as ForbiddenError).message).toBe('Du har inte behörighet att ändra budgeten.');
    expect((caught as ForbiddenError).action).toBe('budget.edit');
    expect(() => requireRole(['samordnare'], 'samverkansgrupp.kalla')).toThrow(
      'Du har inte behörighet att kalla till samverkansgruppens möten.',
    );
    expect(() => requireRole(['ordforande'], 'meeting.cancel', { meetingGroup: 'stodgrupp' })).toThrow(
      'Du har inte behörighet att ställa in mötet.',
    );
  });

  it('an appointed sammankallande calls, plans, moves and cancels samverkansgrupp meetings, nothing more', () => {
    const appointed = { appointedConvener: true };
    expect(can(['samverkansgrupp'], 'samverkansgrupp.kalla')).toBe(false);
    expect(can(['samverkansgrupp'], 'samverkansgrupp.kalla', appointed)).toBe(true);
    expect(can(['samverkansgrupp'], 'samverkansgrupp.plan', appointed)).toBe(true);
    expect(can(['samverkansgrupp'], 'meeting.cancel', { ...appointed, meetingGroup: 'samverkansgrupp' })).toBe(true);
    expect(can(['samverkansgrupp'], 'meeting.reschedule', { ...appointed, meetingGroup: 'stodgrupp' })).toBe(false);
    expect(can(['samverkansgrupp'], 'stodgrupp.kalla', appointed)).toBe(false);
    expect(can(['samverkansgrupp'], 'decision.record', appointed)).toBe(false);
    expect(allowedActions(['samverkansgrupp'], appointed)).toEqual([
      'samverkansgrupp.kalla',
      'samverkansgrupp.plan',
      'meeting.reschedule',
      'meeting.cancel',
      'protocol.approve',
      'report.read',
    ]);
  });

  it('the samordnare prepares samverkansgrupp meetings but does not call them', () => {
    expect(can(['samordnare'], 'samverkansgrupp.plan')).toBe(true);
    expect(() => requireRole(['samordnare'], 'samverkansgrupp.kalla')).toThrow(
      'Du har inte behörighet att kalla till samverkansgruppens möten.',
    );
  });

  it('treats unknown actions as forbidden', () => {
    expect(isActionId('budget.edit')).toBe(true);
    expect(isActionId('toString')).toBe(false);
    expect(can(['samordnare'], 'root.all' as ActionId)).toBe(false);
    expect(() => requireRole(['samordnare'], 'root.all' as ActionId)).toThrow(
      'Du har inte behörighet att utföra den här åtgärden.',
    );
  });

  it('every action has a Swedish description', () => {
    for (const action of ACTION_IDS) expect(ACTIONS[action].description).toMatch(/^[a-zåäö]/);
  });
});
