import { Select } from '@fluentui/react-components';
import { useMemo } from 'react';
import {
  FOLLOW_UP_STATUSES as FOLLOW_UPS,
  formatParagraph,
  type DecisionDto,
  type FollowUpStatus,
} from '../../contract';
import { useI18n } from '../i18n';
import { kindKey } from './kinds';
import { DataTable, type DataColumn } from '../ui/DataTable';
import { byDate, byText } from '../ui/sortBy';
import { TableScroll } from '../ui/TableScroll';

interface RowProps {
  canRecord: boolean;
  busy: boolean;
  meetingTitle(id: string): string;
  onFollowUp(decision: DecisionDto, next: FollowUpStatus): void;
}

/** The follow-up of one decision: a choice for the coordinator, words for everyone else. */
function FollowUpCell({ decision: d, canRecord, busy, onFollowUp }: RowProps & { decision: DecisionDto }) {
  const { t } = useI18n();
  if (!canRecord) return <>{t(`dec.fu.${d.followUp}`)}</>;
  return (
    <Select
      aria-label={t('dec.setFollowUp', { title: d.title })}
      value={d.followUp}
      disabled={busy}
      onChange={(_, data) => onFollowUp(d, data.value as FollowUpStatus)}
    >
      {FOLLOW_UPS.map((f) => (
        <option key={f} value={f}>
          {t(`dec.fu.${f}`)}
        </option>
      ))}
    </Select>
  );
}

/**
 * The register of decisions, sortable by date (paragraph within a day), title, kind, meeting, due date and follow-up;
 * the coordinator sets each one's follow-up in its row.
 */
export function DecisionTable({ decisions, ...row }: RowProps & { decisions: readonly DecisionDto[] }) {
  const { t } = useI18n();
  const { canRecord, busy, meetingTitle, onFollowUp } = row;
  const columns = useMemo<DataColumn<DecisionDto>[]>(
    () => [
      {
        id: 'date',
        header: t('dec.col.date'),
        cell: (d) => [formatParagraph(d.paragraph), d.decidedOn ?? ''].filter(Boolean).join(' '),
        nowrap: true,
        compare: (a, b) => byDate<DecisionDto>((d) => d.decidedOn)(a, b) || (a.paragraph ?? 0) - (b.paragraph ?? 0),
      },
      {
        id: 'title',
        header: t('dec.col.title'),
        cell: (d) => (
          <>
            <strong>{d.title}</strong>
            <br />
            <span lang="sv">{d.text}</span>
          </>
        ),
        compare: byText((d) => d.title),
      },
      {
        id: 'kind',
        header: t('dec.col.kind'),
        cell: (d) => t(kindKey(d.kind)),
        compare: byText((d) => t(kindKey(d.kind))),
      },
      {
        id: 'meeting',
        header: t('dec.col.meeting'),
        cell: (d) => meetingTitle(d.meetingId),
        compare: byText((d) => meetingTitle(d.meetingId)),
      },
      {
        id: 'due',
        header: t('dec.col.due'),
        cell: (d) => d.followUpDue ?? '',
        nowrap: true,
        compare: byDate((d) => d.followUpDue),
      },
      {
        id: 'followUp',
        header: t('dec.col.followUp'),
        cell: (d) => (
          <FollowUpCell
            decision={d}
            canRecord={canRecord}
            busy={busy}
            meetingTitle={meetingTitle}
            onFollowUp={onFollowUp}
          />
        ),
        compare: (a, b) => FOLLOW_UPS.indexOf(a.followUp) - FOLLOW_UPS.indexOf(b.followUp),
      },
    ],
    [t, canRecord, busy, meetingTitle, onFollowUp],
  );
  return (
    <TableScroll label={t('dec.title')}>
      <DataTable
        items={decisions}
        columns={columns}
        getRowId={(d) => d.id}
        label={t('dec.title')}
        emptyMessage={t('dec.none')}
      />
    </TableScroll>
  );
}
