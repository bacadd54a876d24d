import type { MeetingGroup } from './meetingLists';

/**
 * What a held meeting's record is (#16), by its group: samverkansgruppen, which decides, keeps a **protokoll** that
 * the secretary, the chair and two justerare approve; stödgruppen, which prepares and proposes, keeps
 * **minnesanteckningar** with the same structure, fastställda by the secretary alone (no justering). Pure and
 * without luxon: the tab's first load uses it.
 */
export const PROTOCOL_KINDS = ['protokoll', 'minnesanteckningar'] as const;
export type ProtocolKind = (typeof PROTOCOL_KINDS)[number];

export function protocolKind(group: MeetingGroup): ProtocolKind {
  return group === 'samverkansgrupp' ? 'protokoll' : 'minnesanteckningar';
}

export interface ProtocolKindRules {
  /** The stored status once the document is locked. */
  lockedStatus: 'justerat' | 'faststallt';
  /** The chair and two justerare approve after the secretary (else the secretary's fastställande locks it). */
  justering: boolean;
  /** Decisions are taken at the meeting and go to Beslut (stödgruppen proposes; Beslut refuses its decisions). */
  decides: boolean;
  /** "Protokoll", "Minnesanteckningar": the PDF's title and the meeting's part. */
  title: string;
  /** "protokollet", "minnesanteckningarna": in sentences. */
  definite: string;
  draftStatus: string;
  /** "Justerat 2026-10-28", "Fastställda 2026-10-28". */
  lockedLabel: string;
  /** Refusal of a change after the lock. */
  lockedRefusal: string;
  /** Refusal of an approval or fastställande before there is anything to approve. */
  missing: string;
  /** Refusal of an archive before the lock. */
  archiveNotYet: string;
  /** Refusal of an approval of a version the approver did not read. */
  changed: string;
  /** The document's file in the archive folder. */
  archiveFileName: string;
}

export const PROTOCOL_KIND_RULES: Record<ProtocolKind, ProtocolKindRules> = {
  protokoll: {
    lockedStatus: 'justerat',
    justering: true,
    decides: true,
    title: 'Protokoll',
    definite: 'protokollet',
    draftStatus: 'Utkast, ej justerat',
    lockedLabel: 'Justerat',
    lockedRefusal: 'Protokollet är justerat och kan inte ändras.',
    missing: 'Det finns inget protokoll att justera ännu.',
    archiveNotYet: 'Mötet arkiveras när protokollet är justerat.',
    changed: 'Protokollet har ändrats sedan du läste det. Läs den nya versionen och godkänn den.',
    archiveFileName: 'protokoll.pdf',
  },
  minnesanteckningar: {
    lockedStatus: 'faststallt',
    justering: false,
    decides: false,
    title: 'Minnesanteckningar',
    definite: 'minnesanteckningarna',
    draftStatus: 'Utkast, ej fastställda',
    lockedLabel: 'Fastställda',
    lockedRefusal: 'Minnesanteckningarna är fastställda och kan inte ändras.',
    missing: 'Det finns inga minnesanteckningar att fastställa ännu. Utse sekreteraren först.',
    archiveNotYet: 'Mötet arkiveras när minnesanteckningarna är fastställda.',
    changed: 'Minnesanteckningarna har ändrats sedan du läste dem. Läs dem igen och fastställ dem.',
    archiveFileName: 'minnesanteckningar.pdf',
  },
};

/** A locked record (a justerat protokoll, fastställda minnesanteckningar): nothing in it may change. */
export function isLockedStatus(status: unknown): boolean {
  return status === 'justerat' || status === 'faststallt';
}

/** The refusal of a change to a locked record of a meeting of `group`. */
export function lockedRefusal(group: MeetingGroup): string {
  return PROTOCOL_KIND_RULES[protocolKind(group)].lockedRefusal;
}
