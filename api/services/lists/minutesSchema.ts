import type { ListSpec } from '../../graph/lists';

/**
 * The protokoll from the dagordning (#16), kept apart from schema.ts so that file stays readable; SCHEMA_VERSION 14
 * adds them. Protokollanteckningar holds the secretary's notes, one item per meeting and point (its own ETag, so
 * two points are written independently and a stale write of one point is a 409 with the newer text).
 */
export const MINUTES_NOTES_LIST = {
  displayName: 'Protokollanteckningar',
  description: 'Sekreterarens anteckningar per dagordningspunkt, en rad per möte och punkt.',
  columns: [
    { name: 'MeetingId', displayName: 'Möte', kind: { type: 'text' }, required: true, indexed: true },
    { name: 'AgendaItemId', displayName: 'Dagordningspunkt', kind: { type: 'text' }, required: true },
    { name: 'Note', displayName: 'Anteckning', kind: { type: 'multilineText' } },
    { name: 'UpdatedByEmail', displayName: 'Skriven av', kind: { type: 'text' } },
    /** `minutes:<meeting>:<point>`: one row per meeting and point, however often its create is sent. */
    { name: 'OperationKey', displayName: 'Operationsnyckel', kind: { type: 'text' }, indexed: true },
  ],
} as const satisfies ListSpec;

/** Beslut: the point of the dagordning a decision was taken under (its draft item's id, or `punkt-<n>`). */
export const DECISION_AGENDA_ITEM_COLUMN = {
  name: 'AgendaItemId',
  displayName: 'Dagordningspunkt',
  kind: { type: 'text' },
  description: 'Dagordningspunkten beslutet fattades under.',
} as const;

/** Protokoll: the secretary is a stand-in the meeting chose (the samordnare is the secretary otherwise). */
export const PROTOCOL_STAND_IN_COLUMN = {
  name: 'SecretaryChosenByMeeting',
  displayName: 'Sekreterare vald av mötet',
  kind: { type: 'boolean' },
} as const;
