import { describe, expect, it } from '@jest/globals';
import {
  DomainRuleError,
  assertDueNotBeforeDecision,
  assignmentTodos,
  assignmentDueState,
  followsUpAllAssignments,
  moveAssignment,
  openAssignments,
  type AssignmentStatus,
} from '../../../src/domain';
import { assignmentPatchSchema, newAssignmentsSchema } from '../../../src/contract';

describe('uppdrag: the status flow', () => {
  it.each<[AssignmentStatus, AssignmentStatus]>([
    ['ej_paborjat', 'pagar'],
    ['ej_paborjat', 'klart'],
    ['ej_paborjat', 'avbrutet'],
    ['pagar', 'klart'],
    ['pagar', 'avbrutet'],
    ['pagar', 'pagar'],
  ])('moves %s → %s', (from, to) => {
    expect(moveAssignment(from, to)).toBe(to);
  });

  it.each<[AssignmentStatus, AssignmentStatus]>([
    ['pagar', 'ej_paborjat'],
    ['klart', 'pagar'],
    ['klart', 'klart'],
    ['avbrutet', 'ej_paborjat'],
    ['avbrutet', 'klart'],
  ])('refuses %s → %s in Swedish', (from, to) => {
    expect(() => moveAssignment(from, to)).toThrow(DomainRuleError);
    expect(() => moveAssignment(from, to)).toThrow(/Uppdraget/);
  });
});

describe('uppdrag: due and overdue as of a Stockholm day', () => {
  const open = { status: 'pagar' as const };
  it('is overdue the day after its due date, not on it', () => {
    expect(assignmentDueState({ ...open, due: '2026-12-02' }, '2026-12-03')).toBe('overdue');
    expect(assignmentDueState({ ...open, due: '2026-12-03' }, '2026-12-03')).toBe('dueSoon');
  });
  it('is due soon within a week, later after it', () => {
    expect(assignmentDueState({ ...open, due: '2026-12-10' }, '2026-12-03')).toBe('dueSoon');
    expect(assignmentDueState({ ...open, due: '2026-12-11' }, '2026-12-03')).toBe('later');
    // Across the new year.
    expect(assignmentDueState({ ...open, due: '2027-01-02' }, '2026-12-28')).toBe('dueSoon');
  });
  it('is never due once it is klart or avbrutet', () => {
    expect(assignmentDueState({ status: 'klart', due: '2026-01-01' }, '2026-12-03')).toBe('closed');
    expect(assignmentDueState({ status: 'avbrutet', due: '2026-01-01' }, '2026-12-03')).toBe('closed');
  });
  it('lists the open ones, earliest due first', () => {
    const list = [
      { id: '3', due: '2026-12-20', status: 'ej_paborjat' as const },
      { id: '1', due: '2026-12-10', status: 'klart' as const },
      { id: '2', due: '2026-12-05', status: 'pagar' as const },
      { id: '4', due: '2026-12-20', status: 'pagar' as const },
    ];
    expect(openAssignments(list).map((a) => a.id)).toEqual(['2', '3', '4']);
  });
  it('cannot be due before the decision', () => {
    expect(() => assertDueNotBeforeDecision('2026-04-01', '2026-04-22')).toThrow(/före beslutsdatum/);
    expect(() => assertDueNotBeforeDecision('2026-04-22', '2026-04-22')).not.toThrow();
  });
  it('is followed up in full by the samordnare only', () => {
    expect(followsUpAllAssignments(['samordnare'])).toBe(true);
    expect(followsUpAllAssignments(['ordforande', 'samverkansgrupp'])).toBe(false);
  });
});

describe('uppdrag: the contract', () => {
  it('takes a report of at most 2000 characters', () => {
    expect(assignmentPatchSchema.safeParse({ status: 'pagar', report: 'x'.repeat(2000) }).success).toBe(true);
    const long = assignmentPatchSchema.safeParse({ status: 'pagar', report: 'x'.repeat(2001) });
    expect(long.success).toBe(false);
  });
  it('refuses an unknown status and an empty set of uppdrag in Swedish', () => {
    const status = assignmentPatchSchema.safeParse({ status: 'done' });
    expect(status.error?.issues[0]?.message).toBe('Okänd status: done.');
    const none = newAssignmentsSchema.safeParse({ assignments: [] });
    expect(none.error?.issues[0]?.message).toBe('Ange minst ett uppdrag.');
  });
});

describe('uppdrag in Att göra', () => {
  it('lists the overdue and those due within a week, overdue first, not the closed or later ones', () => {
    const items = assignmentTodos(
      [
        { id: '1', description: 'Senare', due: '2026-12-20', status: 'pagar' },
        { id: '2', description: 'Snart', due: '2026-12-08', status: 'ej_paborjat' },
        { id: '3', description: 'Sent', due: '2026-11-30', status: 'pagar' },
        { id: '4', description: 'Klart', due: '2026-11-30', status: 'klart' },
      ],
      '2026-12-03',
    );
    expect(items.map((i) => [i.kind, i.kind === 'assignmentDue' && i.overdue])).toEqual([
      ['assignmentDue', true],
      ['assignmentDue', false],
    ]);
  });
});
