import type { ProtocolKind } from '../../../domain/protocolKind';
import type { MessageKey } from '../../i18n';

/** The tab's words for a meeting's record by its kind (protocolKind): one table, no ifs over the components. */
export const KIND_TEXTS: Record<
  ProtocolKind,
  { notesLocked: MessageKey; archiveMissing: MessageKey; archiveNotYet: MessageKey }
> = {
  protokoll: {
    notesLocked: 'meetingPanel.notesLocked',
    archiveMissing: 'meetings.archiveMissing',
    archiveNotYet: 'meetings.archive.notYet',
  },
  minnesanteckningar: {
    notesLocked: 'minutes.notesLocked',
    archiveMissing: 'minutes.archiveMissing',
    archiveNotYet: 'minutes.archiveNotYet',
  },
};
