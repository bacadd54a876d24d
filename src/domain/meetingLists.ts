/**
 * The meeting register's fixed lists, apart from the meeting rules: the tab's first load reads them through the
 * API contract and must not pull in the date library the rules need (as pollLists.ts does for polls).
 */
export const MEETING_GROUPS = ['samverkansgrupp', 'stodgrupp'] as const;
export type MeetingGroup = (typeof MEETING_GROUPS)[number];

export const MEETING_GROUP_LABELS: Record<MeetingGroup, { sv: string; en: string }> = {
  samverkansgrupp: { sv: 'Samverkansgruppen', en: 'Collaboration group' },
  stodgrupp: { sv: 'Stödgruppen', en: 'Support group' },
};

export const SEASONS = ['var', 'host'] as const;
export type Season = (typeof SEASONS)[number];

/** `skickas`: registered, the invitation not yet confirmed sent (a kallelse cut short; sending it again finishes it). */
export const MEETING_STATUSES = ['planerat', 'genomfort', 'installt', 'skickas'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
