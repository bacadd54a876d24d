import {
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import {
  FOLLOW_UP_STATUSES as FOLLOW_UPS,
  formatParagraph,
  type DecisionDto,
  type FollowUpStatus,
} from '../../contract';
import { useI18n } from '../i18n';
import { kindKey } from './kinds';
import { TableScroll } from '../ui/TableScroll';

interface RowProps {
  canRecord: boolean;
  busy: boolean;
  meetingTitle(id: string): string;
  onFollowUp(decision: DecisionDto, next: FollowUpStatus): void;
}

/** The register of decisions; the coordinator sets each one's follow-up in its row. */
export function DecisionTable({ decisions, ...row }: RowProps & { decisions: DecisionDto[] }) {
  const { t } = useI18n();
  return (
    <TableScroll label={t('dec.title')}>
      <Table aria-label={t('dec.title')} size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('dec.col.date')}</TableHeaderCell>
            <TableHeaderCell>{t('dec.col.title')}</TableHeaderCell>
            <TableHeaderCell>{t('dec.col.kind')}</TableHeaderCell>
            <TableHeaderCell>{t('dec.col.meeting')}</TableHeaderCell>
            <TableHeaderCell>{t('dec.col.due')}</TableHeaderCell>
            <TableHeaderCell>{t('dec.col.followUp')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {decisions.map((d) => (
            <DecisionRow key={d.id} decision={d} {...row} />
          ))}
        </TableBody>
      </Table>
    </TableScroll>
  );
}

function DecisionRow({ decision: d, canRecord, busy, meetingTitle, onFollowUp }: RowProps & { decision: DecisionDto }) {
  const { t } = useI18n();
  return (
    <TableRow>
      <TableCell>{[formatParagraph(d.paragraph), d.decidedOn ?? ''].filter(Boolean).join(' ')}</TableCell>
      <TableCell>
        <strong>{d.title}</strong>
        <br />
        <span lang="sv">{d.text}</span>
      </TableCell>
      <TableCell>{t(kindKey(d.kind))}</TableCell>
      <TableCell>{meetingTitle(d.meetingId)}</TableCell>
      <TableCell>{d.followUpDue ?? ''}</TableCell>
      <TableCell>
        {canRecord ? (
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
        ) : (
          t(`dec.fu.${d.followUp}`)
        )}
      </TableCell>
    </TableRow>
  );
}
