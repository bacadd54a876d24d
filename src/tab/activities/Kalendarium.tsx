import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { ChevronLeftRegular, ChevronRightRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useI18n, type MessageKey } from '../i18n';
import { isoWeek } from '../../domain/calendar';
import type { ActivityDto } from '../../contract';

const useStyles = makeStyles({
  bar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, marginBottom: tokens.spacingVerticalS },
  monthName: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, minWidth: '10rem' },
  table: { borderCollapse: 'collapse', width: '100%', tableLayout: 'fixed' },
  cell: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    verticalAlign: 'top',
    padding: tokens.spacingHorizontalXS,
    height: '4.5rem',
    fontSize: tokens.fontSizeBase200,
  },
  outside: { color: tokens.colorNeutralForeground3, backgroundColor: tokens.colorNeutralBackground3 },
  week: { width: '3.5rem', fontWeight: tokens.fontWeightSemibold, textAlign: 'center' },
  item: {
    display: 'block',
    marginTop: tokens.spacingVerticalXXS,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}`,
    overflowWrap: 'anywhere',
  },
});

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The days of a month laid out in ISO weeks (Monday first), padded with the neighbouring months' days. */
export function monthWeeks(year: number, month: number): { week: number; days: { iso: string; inMonth: boolean }[] }[] {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const start = new Date(first);
  start.setUTCDate(1 - ((first.getUTCDay() || 7) - 1));
  const weeks: { week: number; days: { iso: string; inMonth: boolean }[] }[] = [];
  const cursor = new Date(start);
  while (weeks.length === 0 || cursor.getUTCMonth() === month - 1) {
    const days = Array.from({ length: 7 }, () => {
      const iso = `${cursor.getUTCFullYear()}-${pad(cursor.getUTCMonth() + 1)}-${pad(cursor.getUTCDate())}`;
      const inMonth = cursor.getUTCMonth() === month - 1;
      cursor.setUTCDate(cursor.getUTCDate() + 1);
      return { iso, inMonth };
    });
    weeks.push({ week: isoWeek(days[0]!.iso), days });
  }
  return weeks;
}

/** A month of the kalendarium with ISO week numbers; an activity is shown on each of its days. */
export function Kalendarium({
  year,
  activities,
  initialMonth,
}: {
  year: number;
  activities: ActivityDto[];
  initialMonth: number;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const [month, setMonth] = useState(initialMonth);
  const dayNames = t('act.cal.days').split(',');
  const monthName = `${t(`act.month.${month}` as MessageKey)} ${year}`;
  const listed = activities.filter((a) => a.status !== 'struken');
  return (
    <section aria-labelledby="kalendarium-month">
      <div className={styles.bar}>
        <Button
          icon={<ChevronLeftRegular />}
          aria-label={t('act.cal.prev')}
          disabled={month === 1}
          onClick={() => setMonth((m) => Math.max(1, m - 1))}
        />
        <h2 id="kalendarium-month" className={styles.monthName} aria-live="polite">
          {monthName}
        </h2>
        <Button
          icon={<ChevronRightRegular />}
          aria-label={t('act.cal.next')}
          disabled={month === 12}
          onClick={() => setMonth((m) => Math.min(12, m + 1))}
        />
      </div>
      <table className={styles.table} aria-labelledby="kalendarium-month" data-testid="kalendarium">
        <thead>
          <tr>
            <th scope="col" className={`${styles.cell} ${styles.week}`}>
              {t('act.cal.weekCol')}
            </th>
            {dayNames.map((name) => (
              <th key={name} scope="col" className={styles.cell}>
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthWeeks(year, month).map(({ week, days }) => (
            <tr key={week}>
              <th scope="row" className={`${styles.cell} ${styles.week}`}>
                {t('act.week', { week })}
              </th>
              {days.map((day) => {
                const here = listed.filter((a) => a.startDate <= day.iso && a.endDate >= day.iso);
                return (
                  <td key={day.iso} className={day.inMonth ? styles.cell : `${styles.cell} ${styles.outside}`}>
                    <span>{Number(day.iso.slice(8))}</span>
                    {day.inMonth &&
                      here.map((a) => (
                        <span key={a.id} className={styles.item}>
                          {a.title}
                        </span>
                      ))}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
