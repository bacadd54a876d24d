import { Button } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useI18n } from '../../i18n';
import { useLoad, useServices } from '../../services';
import { ErrorMessage, Loading } from '../../ui/status';
import { meetingDraftsApi } from './api';
import { DraftEditor } from './DraftEditor';

/** The called meeting's dagordning in the editor; saving asks first, since the change goes to everyone called. */
function CalledAgendaEditor({ meetingId }: { meetingId: string }) {
  const { api: client } = useServices();
  const api = useMemo(() => meetingDraftsApi(client), [client]);
  const data = useLoad(async (c) => {
    const [draft, people] = await Promise.all([meetingDraftsApi(c).get(meetingId), c.people()]);
    return { draft, people };
  });
  if (data.status === 'loading') return <Loading />;
  if (data.status === 'error') return <ErrorMessage error={data.error} onRetry={data.reload} />;
  return <DraftEditor api={api} draft={data.data.draft} people={data.data.people} canEdit />;
}

/** "Ändra dagordningen" of a called meeting, for the one who called it (the update goes out from their calendar). */
export function CalledAgenda({ meetingId }: { meetingId: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button aria-expanded={open} onClick={() => setOpen((was) => !was)}>
        {t('drafts.editCalled')}
      </Button>
      {open && <CalledAgendaEditor meetingId={meetingId} />}
    </>
  );
}
