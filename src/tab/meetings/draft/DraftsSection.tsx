import { Button, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { MeetingDraftView } from '../../../contract';
import type { Me } from '../../api';
import { meetingGroupName } from '../../format';
import { useI18n } from '../../i18n';
import { useLoad, useServices } from '../../services';
import { ActionStatus } from '../../ui/ActionStatus';
import { FormDialog } from '../../ui/FormDialog';
import { ErrorMessage, Loading } from '../../ui/status';
import { usePageStyles } from '../../ui/styles';
import { useAction } from '../../ui/useAction';
import { meetingDraftsApi, type MeetingDraftsApi } from './api';
import { DraftEditor } from './DraftEditor';

type Group = MeetingDraftView['group'];
const EDIT_ACTION: Record<Group, string> = { samverkansgrupp: 'samverkansgrupp.plan', stodgrupp: 'stodgrupp.kalla' };

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

/** "Nytt utkast": the group, the year and (samverkansgruppen) the season; the server proposes the dagordning. */
function NewDraft({
  api,
  groups,
  onCreated,
}: {
  api: MeetingDraftsApi;
  groups: Group[];
  onCreated(d: MeetingDraftView): void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [group, setGroup] = useState<Group>(groups[0] ?? 'samverkansgrupp');
  const [year, setYear] = useState(String(new Date().getFullYear() + (new Date().getMonth() >= 5 ? 1 : 0)));
  const [season, setSeason] = useState<'var' | 'host'>('var');
  const creating = useAction();
  const submit = async () => {
    const draft = await creating.run(
      () => api.create({ group, year: Number(year), ...(group === 'samverkansgrupp' ? { season } : {}) }),
      (d) => t('drafts.created', { title: d.title }),
    );
    if (!draft) return;
    setOpen(false);
    onCreated(draft);
  };
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('drafts.new')}</Button>
      <FormDialog
        open={open}
        title={t('drafts.newTitle')}
        submitLabel={t('drafts.create')}
        cancelLabel={t('drafts.cancel')}
        busy={creating.busy}
        onSubmit={() => void submit()}
        onCancel={() => setOpen(false)}
        footer={<ActionStatus state={creating.state} />}
      >
        <Field label={t('meetings.group')}>
          <Select value={group} onChange={(_, data) => setGroup(data.value as Group)}>
            {groups.map((g) => (
              <option key={g} value={g}>
                {meetingGroupName(g, 'sv')}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('meetings.year')}>
          <Input type="number" value={year} min={2020} max={2099} onChange={(_, data) => setYear(data.value)} />
        </Field>
        {group === 'samverkansgrupp' && (
          <Field label={t('meetings.season')}>
            <Select value={season} onChange={(_, data) => setSeason(data.value as 'var' | 'host')}>
              <option value="var">{t('meetings.season.var')}</option>
              <option value="host">{t('meetings.season.host')}</option>
            </Select>
          </Field>
        )}
      </FormDialog>
    </>
  );
}

/** Förbereda möten: the drafts, a new one, and the dagordning of the one opened (read-only for non-editors). */
export function DraftsSection({
  me,
  callGroups,
  onCall,
}: {
  me: Me;
  callGroups: readonly string[];
  onCall(d: MeetingDraftView): void;
}) {
  const { t } = useI18n();
  const page = usePageStyles();
  const styles = useStyles();
  const { api: client } = useServices();
  const api = useMemo(() => meetingDraftsApi(client), [client]);
  const data = useLoad(async (c) => {
    const [drafts, people] = await Promise.all([meetingDraftsApi(c).list(), c.people()]);
    return { drafts, people };
  });
  const [openId, setOpenId] = useState<string>();
  const editable = (Object.keys(EDIT_ACTION) as Group[]).filter((g) => me.allowedActions.includes(EDIT_ACTION[g]));
  const opened = data.status === 'ready' ? data.data.drafts.find((d) => d.id === openId) : undefined;
  return (
    <section aria-labelledby="meetings-drafts" className={page.section}>
      <h2 id="meetings-drafts" className={page.sectionHeading}>
        {t('drafts.heading')}
      </h2>
      <p>{t('drafts.intro')}</p>
      {data.status === 'loading' && <Loading />}
      {data.status === 'error' && <ErrorMessage error={data.error} onRetry={data.reload} />}
      {data.status === 'ready' && (
        <>
          {data.data.drafts.length === 0 && <p>{t('drafts.none')}</p>}
          <ul className={page.list}>
            {data.data.drafts.map((d) => (
              <li key={d.id}>
                <Button
                  appearance="transparent"
                  aria-pressed={d.id === openId}
                  aria-label={t('drafts.open', { title: d.title })}
                  onClick={() => setOpenId(d.id)}
                >
                  {d.title}
                </Button>
              </li>
            ))}
          </ul>
          <div className={styles.row}>
            {editable.length > 0 && (
              <NewDraft
                api={api}
                groups={editable}
                onCreated={(d) => {
                  setOpenId(d.id);
                  data.reload();
                }}
              />
            )}
          </div>
          {opened && (
            <DraftEditor
              key={opened.id}
              api={api}
              draft={opened}
              people={data.data.people}
              canEdit={editable.includes(opened.group)}
              {...(callGroups.includes(opened.group) ? { onCall } : {})}
            />
          )}
        </>
      )}
    </section>
  );
}
