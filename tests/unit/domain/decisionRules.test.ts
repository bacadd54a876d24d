import { describe, expect, it } from '@jest/globals';
import {
  DomainRuleError,
  PER_CAPSULAM_MEETING_ID,
  assertDecisionKind,
  assertMeetingHeld,
  assertNotBeforeProposal,
  createMeeting,
  formatParagraph,
  isPerCapsulam,
  nextParagraph,
  perCapsulamMeeting,
  recordDecision,
} from '../../../src/domain';

const hostmote = createMeeting({
  id: '14',
  group: 'samverkansgrupp',
  title: 'Höstmöte',
  date: '2026-10-26',
  startTime: '09:00',
  endTime: '15:00',
});

function refusal(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainRuleError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('a decision belongs to a meeting that has started', () => {
  it('refuses the höstmöte the evening before, with the date in Swedish', () => {
    const r = refusal(() => assertMeetingHeld(hostmote, '2026-10-25T18:00:00Z'));
    expect(r.code).toBe('MEETING_NOT_HELD');
    expect(r.message).toBe(
      'Mötet måndag 26 oktober 2026 har inte hållits ännu. Ett beslut kan bara föras in för ett möte som har ' +
        'börjat, eller som ett beslut per capsulam.',
    );
  });

  it('refuses a meeting planned for 2030', () => {
    const spring2030 = createMeeting({
      id: '90',
      group: 'samverkansgrupp',
      title: 'Vårmöte',
      date: '2030-04-24',
      startTime: '09:00',
      endTime: '12:00',
    });
    expect(refusal(() => assertMeetingHeld(spring2030, '2026-12-02T10:00:00Z')).code).toBe('MEETING_NOT_HELD');
  });

  it('accepts the meeting from the minute it starts (09:00 Stockholm is 08:00 UTC in October)', () => {
    expect(() => assertMeetingHeld(hostmote, '2026-10-26T07:59:59Z')).toThrow(DomainRuleError);
    expect(() => assertMeetingHeld(hostmote, '2026-10-26T08:00:00Z')).not.toThrow();
    expect(() => assertMeetingHeld(hostmote, '2026-11-03T12:00:00Z')).not.toThrow();
  });

  it('accepts a meeting marked genomfört whatever the clock says', () => {
    expect(() => assertMeetingHeld({ ...hostmote, status: 'genomfort' }, '2026-01-01T00:00:00Z')).not.toThrow();
  });
});

describe('per capsulam', () => {
  it('is a held samverkansgrupp "meeting" on the date given, recorded as such', () => {
    const meeting = perCapsulamMeeting('2026-06-12', '2026-06-15');
    expect(meeting).toMatchObject({ id: PER_CAPSULAM_MEETING_ID, group: 'samverkansgrupp', date: '2026-06-12' });
    expect(isPerCapsulam(meeting.id)).toBe(true);
    const decision = recordDecision({ id: 'new', kind: 'ekonomiska_prioriteringar', text: 'Omfördelning.' }, meeting);
    expect(decision).toMatchObject({ meetingId: 'per-capsulam', decidedOn: '2026-06-12' });
  });

  it('cannot be dated in the future', () => {
    const r = refusal(() => perCapsulamMeeting('2026-06-16', '2026-06-15'));
    expect(r.code).toBe('PER_CAPSULAM_IN_FUTURE');
    expect(r.message).toContain('tisdag 16 juni 2026');
  });

  it('refuses a date that is not a date', () => {
    expect(() => perCapsulamMeeting('2026-02-30', '2026-06-15')).toThrow();
    expect(() => perCapsulamMeeting(undefined, '2026-06-15')).toThrow();
  });
});

describe('a decision is not older than its proposal', () => {
  it('refuses a decision in April on an activity proposed in May', () => {
    const r = refusal(() => assertNotBeforeProposal('2026-04-22', '2026-05-04T09:12:00Z'));
    expect(r.code).toBe('DECISION_BEFORE_PROPOSAL');
    expect(r.message).toBe(
      'Beslutet kan inte vara fattat onsdag 22 april 2026, före förslaget som lades måndag 4 maj 2026.',
    );
  });

  it('accepts a decision the same day the proposal was made (counted in Stockholm time)', () => {
    expect(() => assertNotBeforeProposal('2026-04-22', '2026-04-22T05:00:00Z')).not.toThrow();
    // 23:30 UTC on the 21st is already the 22nd in Stockholm.
    expect(() => assertNotBeforeProposal('2026-04-22', '2026-04-21T23:30:00Z')).not.toThrow();
    expect(() => assertNotBeforeProposal('2026-04-21', '2026-04-21T23:30:00Z')).toThrow(DomainRuleError);
  });

  it('accepts when the proposal has no known date', () => {
    expect(() => assertNotBeforeProposal('2026-04-22', undefined)).not.toThrow();
  });
});

describe('numbering per year (§ 1, § 2, …)', () => {
  it('starts the year at § 1', () => {
    expect(nextParagraph([], '2026-04-22')).toBe(1);
    expect(nextParagraph([{ decidedOn: '2025-10-01', paragraph: 9 }], '2026-04-22')).toBe(1);
  });

  it('continues after the highest paragraph of the same year, across meetings', () => {
    const year = [
      { decidedOn: '2026-04-22', paragraph: 1 },
      { decidedOn: '2026-04-22', paragraph: 2 },
      { decidedOn: '2026-06-12', paragraph: 3 },
      { decidedOn: '2025-10-01', paragraph: 12 },
    ];
    expect(nextParagraph(year, '2026-09-30')).toBe(4);
  });

  it('ignores unnumbered decisions from before numbering', () => {
    expect(nextParagraph([{ decidedOn: '2026-04-22' }, { decidedOn: '2026-04-22', paragraph: 1 }], '2026-04-22')).toBe(
      2,
    );
  });

  it('prints as a paragraph sign', () => {
    expect(formatParagraph(3)).toBe('§ 3');
    expect(formatParagraph(undefined)).toBe('');
  });
});

describe('kinds where the agreement needs them', () => {
  it('appointing an arbetsgrupp needs a decision of kind arbetsgrupp', () => {
    const r = refusal(() => assertDecisionKind({ id: '7', kind: 'budget' }, 'workingGroup'));
    expect(r.code).toBe('WRONG_DECISION_KIND');
    expect(r.message).toBe(
      'Beslut 7 är av typen ”Budget”; för att tillsätta en arbetsgrupp krävs ett beslut av typen ”Arbetsgrupp”.',
    );
    expect(() => assertDecisionKind({ id: '8', kind: 'arbetsgrupp' }, 'workingGroup')).not.toThrow();
  });

  it('the budget, the verksamhetsplan and the aktivitetsplan each need their own kind', () => {
    expect(() => assertDecisionKind({ id: '1', kind: 'verksamhetsplan' }, 'budget')).toThrow(/typen ”Budget”/);
    expect(() => assertDecisionKind({ id: '1', kind: 'budget' }, 'operatingPlan')).toThrow(/”Verksamhetsplan”/);
    expect(() => assertDecisionKind({ id: '1', kind: 'delegering' }, 'activity')).toThrow(
      /”Aktiviteter och kalendarium”/,
    );
    expect(() => assertDecisionKind({ id: '1', kind: 'aktiviteter_kalendarium' }, 'activity')).not.toThrow();
  });
});
