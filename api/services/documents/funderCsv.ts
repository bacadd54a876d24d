import { toCsv, type FunderReport, type FunderRow } from '../../../src/domain';

/**
 * The funders' yearly report as CSV through the one CSV writer (src/domain/csv: BOM, `;`, CRLF, quoting,
 * formula neutralisation): one row per samverkansområde, målgrupp and tag, then the total.
 */
export function funderReportCsv(report: FunderReport): string {
  const line = (dimension: string, row: FunderRow) => [
    dimension,
    row.retired ? `${row.label} (används inte längre)` : row.label,
    row.activities,
    row.reported,
    row.notReported,
    row.participants,
    row.kvinnor,
    row.man,
    row.annat,
  ];
  return toCsv([
    [
      'Indelning',
      'Namn',
      'Aktiviteter',
      'Rapporterade',
      'Ej rapporterade',
      'Deltagare',
      'Kvinnor',
      'Män',
      'Annat/vill ej ange',
    ],
    ...report.byArea.map((row) => line('Samverkansområde', row)),
    ...report.byTargetGroup.map((row) => line('Målgrupp', row)),
    ...report.byTag.map((row) => line('Ämnestagg', row)),
    line('Totalt', report.total),
  ]);
}
