import { Button } from '@fluentui/react-components';
import type { MeetingRecordDto } from '../../contract';
import { useI18n } from '../i18n';
import { ActionStatus } from '../ui/ActionStatus';
import { useAction } from '../ui/useAction';
import type { MeetingsApi } from './api';
import { protocolKind } from '../../domain/protocolKind';
import { KIND_TEXTS } from './protocol/kindTexts';

/**
 * A held meeting whose justerat protokoll is not yet filed: the last approval came from a Teams card (the app's
 * own sign-in, which may not write the library), or its filing failed. The samordnare files it from here, once.
 */
export function FileArchive({
  api,
  meeting,
  onFiled,
}: {
  api: MeetingsApi;
  meeting: MeetingRecordDto;
  onFiled(): void;
}) {
  const { t } = useI18n();
  const action = useAction();
  return (
    <div>
      <p>{t(KIND_TEXTS[protocolKind(meeting.group)].archiveMissing)}</p>
      <Button
        disabled={action.busy}
        onClick={() =>
          void action
            .run(
              () => api.fileArchive(meeting.id),
              () => t('meetings.archiveFiled'),
            )
            .then(() => onFiled())
        }
      >
        {t('meetings.archiveFile')}
      </Button>
      <ActionStatus state={action.state} />
    </div>
  );
}
