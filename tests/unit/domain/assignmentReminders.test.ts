import { describe, expect, it } from '@jest/globals';
import { dueAssignmentReminder, type AssignmentReminderKind, type AssignmentStatus } from '../../../src/domain';

const open = (due: string, status: AssignmentStatus = 'pagar') => ({ due, status });

describe('which uppdrag reminder is due (#17)', () => {
  it.each<[string, AssignmentReminderKind | undefined, string]>([
    // Due Thursday 17 December 2026.
    ['2026-12-09', undefined, 'eight days before: nothing yet'],
    ['2026-12-10', 'weekBefore', 'a week before'],
    ['2026-12-14', 'weekBefore', 'the job did not run on the day: still the week-before one'],
    ['2026-12-17', 'weekBefore', 'on the due day itself it is not late'],
    ['2026-12-18', 'overdue', 'the day after'],
    ['2027-02-01', 'overdue', 'long after'],
  ])('on %s: %s (%s)', (today, expected) => {
    expect(dueAssignmentReminder(open('2026-12-17'), today)).toBe(expected);
  });

  it('a new uppdrag already late when delegated gets the overdue one, not a late week-before one', () => {
    expect(dueAssignmentReminder(open('2026-12-01', 'ej_paborjat'), '2026-12-03')).toBe('overdue');
  });

  it.each<AssignmentStatus>(['klart', 'avbrutet'])('a closed uppdrag (%s) is never reminded', (status) => {
    expect(dueAssignmentReminder(open('2026-12-17', status), '2026-12-14')).toBeUndefined();
    expect(dueAssignmentReminder(open('2026-12-17', status), '2026-12-20')).toBeUndefined();
  });

  it('counts calendar days across the new year', () => {
    expect(dueAssignmentReminder(open('2027-01-04'), '2026-12-28')).toBe('weekBefore');
    expect(dueAssignmentReminder(open('2027-01-04'), '2026-12-27')).toBeUndefined();
  });
});
