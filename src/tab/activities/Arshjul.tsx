import { makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { useI18n, type MessageKey } from '../i18n';
import type { ActivityDto, DecisionDto, MeetingSummaryDto } from '../../contract';
import { stockholmDate } from './api';

export interface WheelItem {
  kind: 'activity' | 'meeting' | 'decision';
  date: string;
  label: string;
}

const useStyles = makeStyles({
  svg: { width: '100%', maxWidth: '34rem', height: 'auto', display: 'block' },
  ring: { fill: 'none', stroke: tokens.colorNeutralStroke1, strokeWidth: 1 },
  spoke: { stroke: tokens.colorNeutralStroke2, strokeWidth: 1 },
  month: { fill: tokens.colorNeutralForeground1, fontSize: '13px' },
  activity: { fill: tokens.colorBrandForeground1 },
  meeting: { fill: tokens.colorPaletteGreenForeground1 },
  decision: { fill: tokens.colorPaletteDarkOrangeForeground1 },
  list: { columns: '2 18rem', margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

/** Everything of the year on the wheel: activities by start, meetings by their Stockholm date, decisions by date. */
export function wheelItems(
  year: number,
  activities: readonly ActivityDto[],
  meetings: readonly MeetingSummaryDto[],
  decisions: readonly DecisionDto[],
): WheelItem[] {
  const items: WheelItem[] = [
    ...activities
      .filter((a) => a.status !== 'struken' && a.startDate.startsWith(`${year}-`))
      .map((a) => ({ kind: 'activity' as const, date: a.startDate, label: a.title })),
    ...meetings
      .filter((m) => m.start && m.status !== 'installt')
      .map((m) => ({ kind: 'meeting' as const, date: stockholmDate(m.start ?? ''), label: m.title }))
      .filter((m) => m.date.startsWith(`${year}-`)),
    ...decisions
      .filter((d) => d.decidedOn?.startsWith(`${year}-`))
      .map((d) => ({ kind: 'decision' as const, date: d.decidedOn ?? '', label: d.title })),
  ];
  return items.sort((a, b) => a.date.localeCompare(b.date) || a.label.localeCompare(b.label, 'sv'));
}

function dayOfYear(iso: string): { day: number; days: number } {
  const [y, m, d] = iso.split('-').map(Number);
  const start = Date.UTC(y ?? 1970, 0, 1);
  const day = (Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) - start) / 86_400_000;
  const days = (Date.UTC((y ?? 1970) + 1, 0, 1) - start) / 86_400_000;
  return { day, days };
}

const SIZE = 420;
const CENTER = SIZE / 2;

const point = (angle: number, radius: number) => ({
  x: CENTER + radius * Math.sin(angle),
  y: CENTER - radius * Math.cos(angle),
});

const RINGS: Record<WheelItem['kind'], number> = { activity: 150, meeting: 120, decision: 95 };

/** The twelve spokes with the months' short names between them. */
function MonthSpokes() {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <>
      {Array.from({ length: 12 }, (_, index) => {
        const angle = (index / 12) * 2 * Math.PI;
        const from = point(angle, 80);
        const to = point(angle, 180);
        const label = point(angle + Math.PI / 12, 196);
        return (
          <g key={index}>
            <line className={styles.spoke} x1={from.x} y1={from.y} x2={to.x} y2={to.y} />
            <text className={styles.month} x={label.x} y={label.y} textAnchor="middle" dominantBaseline="middle">
              {t(`act.month.${index + 1}` as MessageKey).slice(0, 3)}
            </text>
          </g>
        );
      })}
    </>
  );
}

/** An item on its ring at its day: a square for a meeting, a diamond for a decision, a dot for an activity. */
function WheelMark({ item }: { item: WheelItem }) {
  const styles = useStyles();
  const { day, days } = dayOfYear(item.date);
  const { x, y } = point(((day + 0.5) / days) * 2 * Math.PI, RINGS[item.kind]);
  if (item.kind === 'meeting')
    return <rect className={styles.meeting} x={x - 6} y={y - 6} width={12} height={12} data-kind="meeting" />;
  if (item.kind === 'decision')
    return (
      <polygon
        className={styles.decision}
        points={`${x},${y - 7} ${x + 7},${y} ${x},${y + 7} ${x - 7},${y}`}
        data-kind="decision"
      />
    );
  return <circle className={styles.activity} cx={x} cy={y} r={6} data-kind="activity" />;
}

/** The wheel's text alternative: every item, month by month. */
function WheelList({ items }: { items: readonly WheelItem[] }) {
  const { t } = useI18n();
  const styles = useStyles();
  const kindLabel = (kind: WheelItem['kind']) => t(`act.wheel.${kind}` as MessageKey);
  return (
    <>
      <h3>{t('act.wheel.list')}</h3>
      <ol className={styles.list} aria-label={t('act.wheel.list')}>
        {Array.from({ length: 12 }, (_, index) => {
          const month = t(`act.month.${index + 1}` as MessageKey);
          const ofMonth = items.filter((item) => Number(item.date.slice(5, 7)) === index + 1);
          return (
            <li key={index}>
              <strong>{month}</strong>
              {ofMonth.length === 0 ? (
                <span> – {t('act.wheel.empty', { month })}</span>
              ) : (
                <ul>
                  {ofMonth.map((item, i) => (
                    <li key={i}>
                      {item.date}: {kindLabel(item.kind)} – {item.label}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}

/**
 * The årshjul: January at the top, the months clockwise. The SVG is one labelled image; the list after it is
 * the text alternative with every item, month by month.
 */
export function Arshjul({ year, items }: { year: number; items: WheelItem[] }) {
  const { t } = useI18n();
  const styles = useStyles();
  const titleId = useId();
  const descId = useId();
  return (
    <section aria-labelledby={titleId}>
      <h2 id={titleId}>{t('act.wheel.title', { year })}</h2>
      <svg
        className={styles.svg}
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        data-testid="arshjul"
      >
        <desc id={descId}>{t('act.wheel.desc')}</desc>
        <circle className={styles.ring} cx={CENTER} cy={CENTER} r={180} />
        <circle className={styles.ring} cx={CENTER} cy={CENTER} r={80} />
        <MonthSpokes />
        {items.map((item, index) => (
          <WheelMark key={`${item.kind}-${index}`} item={item} />
        ))}
      </svg>
      <WheelList items={items} />
    </section>
  );
}
