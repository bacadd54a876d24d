import { Button } from '@fluentui/react-components';
import { ActionStatus } from '../../ui/ActionStatus';
import { saveBlob } from '../../ui/saveBlob';
import { useAction } from '../../ui/useAction';
import type { MeetingsApi } from '../api';

/** The meeting's record as a PDF (the protokoll, the minnesanteckningar), saved under `fileName`, with its outcome. */
export function RecordPdf({
  api,
  meetingId,
  fileName,
  label,
}: {
  api: Pick<MeetingsApi, 'protocolPdf'>;
  meetingId: string;
  fileName: string;
  label: string;
}) {
  const downloading = useAction();
  return (
    <>
      <Button
        onClick={() =>
          downloading.run(
            async () => saveBlob(await api.protocolPdf(meetingId), fileName),
            () => label,
          )
        }
      >
        {label}
      </Button>
      <ActionStatus state={downloading.state} />
    </>
  );
}
