import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { DomainValidationError } from '../../domain/errors';
import { formatSek, parseKronor } from '../../domain/money';
import type { Me } from '../api';
import { budgetApi, reportQuery, type AmountsDto, type BudgetReportDto, type BudgetLineDto } from '../budget/api';
import { BudgetChart } from '../budget/BudgetChart';
import { CATEGORIES, EditLines, categoryKey } from '../budget/EditLines';
import { todayInStockholm } from '../format';
import { ActionStatus } from '../ui/ActionStatus';
import { PageHeading } from '../ui/PageHeading';
import { saveBlob } from '../ui/saveBlob';
import { useFormStyles, usePageStyles } from '../ui/styles';
import { useAction } from '../ui/useAction';
import { useReloadOn } from '../ui/useReloadOn';
import { useI18n } from '../i18n';
import { useLoad, useServices } from '../services';
import { ErrorMessage, Loading } from '../ui/status';

const AREA_LABELS: Record<string, string> = {
  kompetensutveckling: 'Kompetensutveckling',
  erfarenhetsutbyte: 'Erfarenhetsutbyte',
  tillsynsprojekt: 'Tillsynsprojekt',
  omvarldsbevakning: 'Omvärldsbevakning',
  information: 'Information och informationsinsatser',
};

/**
 * A sum's four figures as table cells. A deviation that hurts (costs over budget, income or net under it) is
 * shown in red; the sign is always written, so the colour is never the only cue.
 */
function AmountCells({ amounts, kind = 'kostnad' }: { amounts: AmountsDto; kind?: 'kostnad' | 'intakt' }) {
  const styles = useFormStyles();
  const unfavourable = kind === 'kostnad' ? amounts.deviationOre > 0 : amounts.deviationOre < 0;
  return (
    <>
      <TableCell className={styles.number}>{formatSek(amounts.budgetOre)}</TableCell>
      <TableCell className={styles.number}>{formatSek(amounts.outcomeOre)}</TableCell>
      <TableCell className={styles.number}>{formatSek(amounts.forecastOre)}</TableCell>
      <TableCell className={`${styles.number} ${unfavourable ? styles.negative : ''}`}>
        {formatSek(amounts.deviationOre)}
      </TableCell>
    </>
  );
}

function AmountHeaders({ first }: { first: string }) {
  const { t } = useI18n();
  return (
    <TableHeader>
      <TableRow>
        <TableHeaderCell>{first}</TableHeaderCell>
        <TableHeaderCell>{t('budget.col.budget')}</TableHeaderCell>
        <TableHeaderCell>{t('budget.col.outcome')}</TableHeaderCell>
        <TableHeaderCell>{t('budget.col.forecast')}</TableHeaderCell>
        <TableHeaderCell>{t('budget.col.deviation')}</TableHeaderCell>
      </TableRow>
    </TableHeader>
  );
}

const hoursFormat = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2 });
const hours = (value: number) => `${hoursFormat.format(value)} h`;

export function BudgetPage({ me }: { me: Me }) {
  const { t } = useI18n();
  const page = usePageStyles();
  const styles = useFormStyles();
  const { api } = useServices();
  const today = todayInStockholm();
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  const [asOf, setAsOf] = useState(today);
  const effectiveAsOf = asOf.startsWith(`${year}-`) ? asOf : undefined;
  const report = useLoad((client) => budgetApi(client).report(year, effectiveAsOf));
  const lines = useLoad((client) => budgetApi(client).lines(year));
  const time = useLoad((client) => budgetApi(client).time(year, effectiveAsOf));
  const download = useAction();
  const canBook = me.allowedActions.includes('outcome.book');
  const canEdit = me.allowedActions.includes('budget.edit');
  const canLogTime = me.allowedActions.includes('time.log');

  const reloadAll = () => {
    report.reload();
    lines.reload();
    time.reload();
  };
  useReloadOn(`${year}|${effectiveAsOf ?? ''}`, reloadAll);

  const fetchFile = (kind: 'pdf' | 'csv') =>
    download.run(async () => {
      const name = `lagesrapport-${year}.${kind}`;
      saveBlob(await api.download(`/api/budget/report.${kind}?${reportQuery(year, effectiveAsOf)}`), name);
      return t('budget.downloaded', { name });
    });

  const years = [year - 2, year - 1, year, year + 1].filter((y, i, all) => all.indexOf(y) === i);

  return (
    <>
      <PageHeading>{t('budget.title')}</PageHeading>
      <div className={styles.toolbar}>
        <Field label={t('budget.year')}>
          <Select value={String(year)} onChange={(_, data) => setYear(Number(data.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('budget.asOf')}>
          <Input type="date" value={asOf} onChange={(_, data) => setAsOf(data.value)} />
        </Field>
        <Button onClick={() => void fetchFile('pdf')} disabled={download.state.status === 'busy'}>
          {t('budget.downloadPdf')}
        </Button>
        <Button onClick={() => void fetchFile('csv')} disabled={download.state.status === 'busy'}>
          {t('budget.downloadCsv')}
        </Button>
      </div>
      <ActionStatus state={download.state} />

      <section className={page.section} aria-labelledby="budget-report">
        <h2 id="budget-report" className={page.sectionHeading}>
          {t('budget.report')}
        </h2>
        {report.status === 'loading' && <Loading />}
        {report.status === 'error' && <ErrorMessage error={report.error} onRetry={report.reload} />}
        {report.status === 'ready' && <Report data={report.data} />}
      </section>

      {canBook && lines.status === 'ready' && lines.data.length > 0 && (
        <BookOutcome lines={lines.data} year={year} onBooked={reloadAll} />
      )}
      {canEdit && lines.status === 'ready' && <EditLines lines={lines.data} year={year} onSaved={reloadAll} />}
      {canEdit && <AddLine year={year} onAdded={reloadAll} />}

      <section className={page.section} aria-labelledby="budget-time">
        <h2 id="budget-time" className={page.sectionHeading}>
          {t('budget.time')}
        </h2>
        {time.status === 'loading' && <Loading />}
        {time.status === 'error' && <ErrorMessage error={time.error} onRetry={time.reload} />}
        {time.status === 'ready' && (
          <>
            <p>
              {t('budget.time.summary', {
                used: hours(time.data.report.usedHours),
                available: hours(time.data.report.availableHours),
                remaining: hours(time.data.report.remainingHours),
              })}
            </p>
            <p lang="sv">{time.data.report.message}</p>
            {time.data.report.perAssignment.length > 0 && (
              <div className={styles.tableWrap}>
                <Table aria-label={t('budget.time')} size="small">
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell>{t('budget.time.assignment')}</TableHeaderCell>
                      <TableHeaderCell>{t('budget.time.hours')}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {time.data.report.perAssignment.map((row) => (
                      <TableRow key={row.assignment}>
                        <TableCell>{row.assignment}</TableCell>
                        <TableCell className={styles.number}>{hoursFormat.format(row.hours)}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
            )}
            {canLogTime && <LogTime onLogged={time.reload} />}
          </>
        )}
      </section>
    </>
  );
}

function Report({ data }: { data: BudgetReportDto }) {
  const { t } = useI18n();
  const page = usePageStyles();
  const styles = useFormStyles();
  const { status, coFinancing } = data;
  if (status.lines.length === 0) return <p>{t('budget.noLines', { year: status.year })}</p>;
  const categories = Object.entries(status.byCategory);
  const areas = Object.entries(status.byArea);
  return (
    <>
      <p>{t('budget.reportIntro', { date: status.asOf, elapsed: status.elapsedDays, days: status.daysInYear })}</p>
      {(['kostnad', 'intakt'] as const).map((kind) => (
        <div key={kind} className={styles.tableWrap}>
          <Table aria-label={`${t('budget.report')}: ${t(`budget.kind.${kind}`)}`} size="small">
            <AmountHeaders first={t('budget.col.line')} />
            <TableBody>
              {status.lines
                .filter((l) => l.line.kind === kind)
                .map((l) => (
                  <TableRow key={l.line.id}>
                    <TableCell>
                      {l.line.name}
                      <span className={styles.visuallyHidden}>, {t(categoryKey(l.line.category))}</span>
                    </TableCell>
                    <AmountCells amounts={l} kind={kind} />
                  </TableRow>
                ))}
              <TableRow className={styles.sumRow}>
                <TableCell>{t(`budget.sum.${kind}`)}</TableCell>
                <AmountCells amounts={status.byKind[kind]} kind={kind} />
              </TableRow>
            </TableBody>
          </Table>
        </div>
      ))}
      <div className={styles.tableWrap}>
        <Table aria-label={t('budget.net')} size="small">
          <AmountHeaders first={t('budget.net')} />
          <TableBody>
            <TableRow className={styles.sumRow}>
              <TableCell>{t('budget.net')}</TableCell>
              <AmountCells amounts={status.net} kind="intakt" />
            </TableRow>
          </TableBody>
        </Table>
      </div>

      <h3 className={page.sectionHeading}>{t('budget.chart')}</h3>
      <BudgetChart
        title={t('budget.chart')}
        rows={categories.map(([category, amounts]) => ({
          label: t(categoryKey(category)),
          budgetOre: amounts.budgetOre,
          outcomeOre: amounts.outcomeOre,
        }))}
      />
      <div className={styles.tableWrap}>
        <Table aria-label={t('budget.byCategory')} size="small">
          <AmountHeaders first={t('budget.col.category')} />
          <TableBody>
            {categories.map(([category, amounts]) => (
              <TableRow key={category}>
                <TableCell>{t(categoryKey(category))}</TableCell>
                <AmountCells amounts={amounts} />
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>

      {areas.length > 0 && (
        <div className={styles.tableWrap}>
          <Table aria-label={t('budget.byArea')} size="small">
            <AmountHeaders first={t('budget.col.area')} />
            <TableBody>
              {areas.map(([area, amounts]) => (
                <TableRow key={area}>
                  <TableCell>{AREA_LABELS[area] ?? area}</TableCell>
                  <AmountCells amounts={amounts.net} kind="intakt" />
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}

      <h3 className={page.sectionHeading}>{t('budget.cofinancing')}</h3>
      {coFinancing.missing.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {t('budget.cof.missing', { names: coFinancing.missing.map((m) => m.name).join(', ') })}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.tableWrap}>
        <Table aria-label={t('budget.cofinancing')} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('budget.cof.org')}</TableHeaderCell>
              <TableHeaderCell>{t('budget.cof.due')}</TableHeaderCell>
              <TableHeaderCell>{t('budget.cof.paid')}</TableHeaderCell>
              <TableHeaderCell>{t('budget.cof.remaining')}</TableHeaderCell>
              <TableHeaderCell>{t('budget.cof.status')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {coFinancing.rows.map((row) => (
              <TableRow key={row.organisationId}>
                <TableCell>{row.name}</TableCell>
                <TableCell className={styles.number}>{formatSek(row.dueOre)}</TableCell>
                <TableCell className={styles.number}>{formatSek(row.paidOre)}</TableCell>
                <TableCell className={styles.number}>{formatSek(row.remainingOre)}</TableCell>
                <TableCell lang="sv">{row.flag ? `${row.statusLabel} – ${row.flag}` : row.statusLabel}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </>
  );
}

function kronorIssue(text: string): string | undefined {
  try {
    parseKronor(text);
    return undefined;
  } catch (error) {
    return error instanceof DomainValidationError ? (error.issues[0]?.message ?? error.message) : String(error);
  }
}

function BookOutcome({ lines, year, onBooked }: { lines: BudgetLineDto[]; year: number; onBooked(): void }) {
  const { t } = useI18n();
  const page = usePageStyles();
  const styles = useFormStyles();
  const { api } = useServices();
  const action = useAction();
  const today = todayInStockholm();
  const [lineId, setLineId] = useState(lines[0]?.id ?? '');
  const [amount, setAmount] = useState('');
  const [date, setDate] = useState(today.startsWith(`${year}-`) ? today : `${year}-12-31`);
  const [text, setText] = useState('');
  const [touched, setTouched] = useState(false);
  const amountProblem = touched ? kronorIssue(amount) : undefined;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (kronorIssue(amount)) return;
    const ok = await action.run(async () => {
      await budgetApi(api).bookOutcome({
        budgetLineId: lineId,
        date,
        amountOre: parseKronor(amount),
        ...(text.trim() ? { text: text.trim() } : {}),
      });
      return t('budget.book.done');
    });
    if (ok) {
      setAmount('');
      setText('');
      setTouched(false);
      onBooked();
    }
  };
  return (
    <section className={page.section} aria-labelledby="budget-book">
      <h2 id="budget-book" className={page.sectionHeading}>
        {t('budget.book')}
      </h2>
      <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate>
        <Field label={t('budget.book.line')} required>
          <Select value={lineId} onChange={(_, data) => setLineId(data.value)}>
            {lines.map((line) => (
              <option key={line.id} value={line.id}>
                {line.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          label={t('budget.book.amount')}
          hint={t('budget.book.amountHint')}
          required
          validationMessage={amountProblem}
          validationState={amountProblem ? 'error' : 'none'}
        >
          <Input value={amount} inputMode="decimal" onChange={(_, data) => setAmount(data.value)} />
        </Field>
        <Field label={t('budget.book.date')} required>
          <Input type="date" value={date} onChange={(_, data) => setDate(data.value)} />
        </Field>
        <Field label={t('budget.book.text')}>
          <Input value={text} onChange={(_, data) => setText(data.value)} />
        </Field>
        <Button type="submit" appearance="primary" disabled={action.state.status === 'busy'}>
          {t('budget.book.submit')}
        </Button>
      </form>
      <ActionStatus state={action.state} />
    </section>
  );
}

function AddLine({ year, onAdded }: { year: number; onAdded(): void }) {
  const { t } = useI18n();
  const page = usePageStyles();
  const styles = useFormStyles();
  const { api } = useServices();
  const action = useAction();
  const [name, setName] = useState('');
  const [category, setCategory] = useState<string>('oh_administration');
  const [amount, setAmount] = useState('');
  const [organisationId, setOrganisationId] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await action.run(async () => {
      await budgetApi(api).addLine({
        year,
        name: name.trim(),
        category,
        amountOre: parseKronor(amount),
        ...(organisationId.trim() ? { organisationId: organisationId.trim() } : {}),
      });
      return t('budget.addLine.done');
    });
    if (ok) {
      setName('');
      setAmount('');
      onAdded();
    }
  };
  return (
    <section className={page.section} aria-labelledby="budget-add">
      <h2 id="budget-add" className={page.sectionHeading}>
        {t('budget.addLine')}
      </h2>
      <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate>
        <Field label={t('budget.addLine.name')} required>
          <Input value={name} onChange={(_, data) => setName(data.value)} />
        </Field>
        <Field label={t('budget.addLine.category')} required>
          <Select value={category} onChange={(_, data) => setCategory(data.value)}>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`budget.cat.${c}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('budget.addLine.amount')} required>
          <Input value={amount} inputMode="decimal" onChange={(_, data) => setAmount(data.value)} />
        </Field>
        <Field label={t('budget.addLine.organisation')}>
          <Input value={organisationId} onChange={(_, data) => setOrganisationId(data.value)} />
        </Field>
        <Button type="submit" disabled={action.state.status === 'busy'}>
          {t('budget.addLine.submit')}
        </Button>
      </form>
      <ActionStatus state={action.state} />
    </section>
  );
}

function LogTime({ onLogged }: { onLogged(): void }) {
  const { t } = useI18n();
  const styles = useFormStyles();
  const { api } = useServices();
  const action = useAction();
  const [date, setDate] = useState(todayInStockholm());
  const [hours, setHours] = useState('');
  const [assignment, setAssignment] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await action.run(async () => {
      await budgetApi(api).logTime({ date, hours: Number(hours.replace(',', '.')), assignment: assignment.trim() });
      return t('budget.time.done');
    });
    if (ok) {
      setHours('');
      onLogged();
    }
  };
  return (
    <>
      <form
        className={styles.form}
        onSubmit={(event) => void submit(event)}
        noValidate
        aria-label={t('budget.time.log')}
      >
        <Field label={t('budget.time.date')} required>
          <Input type="date" value={date} onChange={(_, data) => setDate(data.value)} />
        </Field>
        <Field label={t('budget.time.hours')} required>
          <Input value={hours} inputMode="decimal" onChange={(_, data) => setHours(data.value)} />
        </Field>
        <Field label={t('budget.time.assignment')} required>
          <Input value={assignment} onChange={(_, data) => setAssignment(data.value)} />
        </Field>
        <Button type="submit" disabled={action.state.status === 'busy'}>
          {t('budget.time.log')}
        </Button>
      </form>
      <ActionStatus state={action.state} />
    </>
  );
}
