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

/**
 * A meeting being prepared (issue #16): in the register before it is called, with its dagordning as a draft.
 * Not a MeetingStatus: the meeting's rules and the register's readers see no meeting until the kallelse.
 */
export const MEETING_DRAFT_STATUS = 'utkast';
/** The Möten list's Status choices: the meeting statuses and the draft's. */
export const REGISTER_STATUSES = [...MEETING_STATUSES, MEETING_DRAFT_STATUS] as const;

/** What a point of a prepared dagordning asks of the meeting. */
export const DRAFT_ITEM_KINDS = ['beslut', 'information', 'diskussion', 'anmalan'] as const;
export type DraftItemKind = (typeof DRAFT_ITEM_KINDS)[number];
export const DRAFT_ITEM_KIND_LABELS: Record<DraftItemKind, string> = {
  beslut: 'Beslut',
  information: 'Information',
  diskussion: 'Diskussion',
  anmalan: 'Anmälan',
};

/** Where a proposed point came from: a standing point, or what the app knows (an editor's own point: `redaktor`). */
export const DRAFT_SOURCE_KINDS = [
  'staende',
  'forslag',
  'uppfoljning',
  'uppdrag',
  'ekonomi',
  'nasta_mote',
  'redaktor',
] as const;
export type DraftSourceKind = (typeof DRAFT_SOURCE_KINDS)[number];

/** Handlingar: per file, per point and per meeting (the server refuses more before it uploads). */
export const DRAFT_DOCUMENT_LIMITS = { fileBytes: 25 * 1024 * 1024, perItem: 5, perMeeting: 25 } as const;
/** Points of one dagordning. */
export const DRAFT_MAX_ITEMS = 40;
