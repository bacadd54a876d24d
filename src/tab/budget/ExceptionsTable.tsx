import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { formatSek } from '../../domain/money';
import { formatParagraph, type AgreedExceptionDto } from '../../contract';
import { formatDay } from '../format';
import { useI18n } from '../i18n';
import { TableScroll } from '../ui/TableScroll';
import { usePageStyles } from '../ui/styles';

/** "Överenskomna undantag": the year's decisions that a kommun need not bear its own costs (#17). */
export function ExceptionsTable({ year, exceptions }: { year: number; exceptions: readonly AgreedExceptionDto[] }) {
  const { t, language } = useI18n();
  const page = usePageStyles();
  return (
    <>
      <h3 className={page.sectionHeading}>{t('budget.exceptions')}</h3>
      {exceptions.length === 0 ? (
        <p>{t('budget.exceptions.none', { year })}</p>
      ) : (
        <TableScroll>
          <Table aria-label={t('budget.exceptions')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('budget.exceptions.decision')}</TableHeaderCell>
                <TableHeaderCell>{t('budget.exceptions.organisations')}</TableHeaderCell>
                <TableHeaderCell>{t('budget.exceptions.ceiling')}</TableHeaderCell>
                <TableHeaderCell>{t('budget.exceptions.text')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {exceptions.map((e) => (
                <TableRow key={e.decisionId}>
                  <TableCell>
                    {[formatParagraph(e.paragraph), formatDay(e.decidedOn, language), e.title]
                      .filter(Boolean)
                      .join(' · ')}
                  </TableCell>
                  <TableCell>{e.organisations.join(', ')}</TableCell>
                  <TableCell>
                    {e.ceilingOre === undefined ? t('budget.exceptions.noCeiling') : formatSek(e.ceilingOre)}
                  </TableCell>
                  <TableCell>{e.text}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableScroll>
      )}
    </>
  );
}
