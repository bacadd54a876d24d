import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { MEETING_GROUPS, type MeetingRecordDto } from '../../contract';
import { meetingGroupName, todayInStockholm } from '../format';
import { useI18n } from '../i18n';
import { ActionStatus } from '../ui/ActionStatus';
import { ChoiceField } from '../ui/ChoiceField';
import { DataTable, type DataColumn } from '../ui/DataTable';
import { saveBlob } from '../ui/saveBlob';
import { byDate, byText } from '../ui/sortBy';
import { useFormStyles, usePageStyles } from '../ui/styles';
import { useAction } from '../ui/useAction';
import { ErrorMessage, Loading } from '../ui/status';
import { TableScroll } from '../ui/TableScroll';
import type { LoadState } from '../services';
import type { MeetingsApi } from './api';

const useStyles = makeStyles({
  // The title is a button that opens the meeting: it wraps like text instead of widening the column.
  open: { textAlign: 'left', minWidth: 0, paddingLeft: 0, paddingRight: 0, fontWeight: tokens.fontWeightSemibold },
});

type Group = MeetingRecordDto['group'];
type When = 'coming' | 'past';

function useColumns(onSelect: (id: string) => void): DataColumn<MeetingRecordDto>[] {
  const { t, language } = useI18n();
  const styles = useStyles();
  return useMemo(
    () => [
      {
        id: 'date',
        header: t('meetings.col.date'),
        nowrap: true,
        compare: byDate((m) => m.startUtc),
        cell: (m) => `${m.date} ${m.startTime}`,
      },
      {
        id: 'title',
        header: t('meetings.col.title'),
        compare: byText((m) => m.title),
        cell: (m) => (
          <Button
            appearance="transparent"
            className={styles.open}
            aria-label={t('meetings.show', { title: `${m.title} ${m.date}` })}
            onClick={() => onSelect(m.id)}
          >
            {m.title}
          </Button>
        ),
      },
      {
        id: 'group',
        header: t('meetings.col.group'),
        compare: byText((m) => meetingGroupName(m.group, language)),
        cell: (m) => meetingGroupName(m.group, language),
      },
      {
        id: 'status',
        header: t('meetings.col.status'),
        compare: byText((m) => t(`meetings.status.${m.status}`)),
        cell: (m) => t(`meetings.status.${m.status}`),
      },
    ],
    [t, language, styles.open, onSelect],
  );
}

/** The register as a sortable table, filtered by group and by coming or past; each title opens its meeting. */
function RegisterTable({ records, onSelect }: { records: readonly MeetingRecordDto[]; onSelect(id: string): void }) {
  const { t, language } = useI18n();
  const form = useFormStyles();
  const [group, setGroup] = useState<Group | ''>('');
  const [when, setWhen] = useState<When | ''>('');
  const columns = useColumns(onSelect);
  const today = todayInStockholm();
  const shown = records.filter(
    (m) =>
      (group === '' || m.group === group) && (when === '' || (when === 'coming' ? m.date >= today : m.date < today)),
  );
  return (
    <>
      <div className={form.toolbar}>
        <ChoiceField
          label={t('meetings.col.group')}
          value={group}
          allLabel={t('meetings.filter.all')}
          choices={MEETING_GROUPS.map((g) => ({ value: g, label: meetingGroupName(g, language) }))}
          onChange={setGroup}
        />
        <ChoiceField
          label={t('meetings.filter.when')}
          value={when}
          allLabel={t('meetings.filter.when.all')}
          choices={(['coming', 'past'] as const).map((w) => ({ value: w, label: t(`meetings.filter.when.${w}`) }))}
          onChange={setWhen}
        />
      </div>
      <TableScroll labelledBy="meetings-register">
        <DataTable
          items={shown}
          columns={columns}
          getRowId={(m) => m.id}
          label={t('meetings.registerHeading')}
          emptyMessage={t('meetings.noneMatch')}
          defaultSort={{ columnId: 'date', direction: 'ascending' }}
        />
      </TableScroll>
    </>
  );
}

/** The register of meetings (each opens its detail) and the year's calendar file. */
export function MeetingRegister<T extends { records: MeetingRecordDto[] }>({
  api,
  data,
  onSelect,
}: {
  api: MeetingsApi;
  data: LoadState<T> & { reload(): void };
  onSelect(id: string): void;
}) {
  const { t } = useI18n();
  const page = usePageStyles();
  const download = useAction();
  const year = new Date().getFullYear();
  return (
    <section aria-labelledby="meetings-register" className={page.section}>
      <h2 id="meetings-register" className={page.sectionHeading}>
        {t('meetings.registerHeading')}
      </h2>
      {data.status === 'loading' && <Loading />}
      {data.status === 'error' && <ErrorMessage error={data.error} onRetry={data.reload} />}
      {data.status === 'ready' &&
        (data.data.records.length === 0 ? (
          <p>{t('meetings.none')}</p>
        ) : (
          <RegisterTable records={data.data.records} onSelect={onSelect} />
        ))}
      <Button
        onClick={() =>
          download.run(
            async () => saveBlob(await api.yearIcs(year), `kalendarium-${year}.ics`),
            () => t('meetings.yearCalendar'),
          )
        }
      >
        {t('meetings.yearCalendar')}
      </Button>
      <ActionStatus state={download.state} />
    </section>
  );
}
