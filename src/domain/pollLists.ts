/** The lists of a date poll, apart from its rules (which need the holiday calendar) so the tab can import them. */
export const VOTE_VALUES = ['ja', 'om-det-behövs', 'nej'] as const;
export type VoteValue = (typeof VOTE_VALUES)[number];

export const VOTE_LABELS: Record<VoteValue, { sv: string; en: string }> = {
  ja: { sv: 'Ja', en: 'Yes' },
  'om-det-behövs': { sv: 'Om det behövs', en: 'If need be' },
  nej: { sv: 'Nej', en: 'No' },
};

/** A poll is open for votes until the convener closes it by picking a time. */
export const POLL_STATUSES = ['oppen', 'stangd'] as const;
export type PollStatus = (typeof POLL_STATUSES)[number];
