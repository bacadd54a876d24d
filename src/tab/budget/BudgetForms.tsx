import { Button, Field, Input, Select } from '@fluentui/react-components';
import { useState } from 'react';
import { DomainValidationError } from '../../domain/errors';
import { parseKronor } from '../../domain/money';
import type { BudgetCategory, BudgetLineDto } from '../../contract';
import { budgetApi } from './api';
import { BUDGET_CATEGORIES as CATEGORIES } from '../../domain/budget';
import { todayInStockholm } from '../format';
import { ActionStatus } from '../ui/ActionStatus';
import { FormDialog } from '../ui/FormDialog';
import { usePageStyles } from '../ui/styles';
import { useAction, type Action, type ActionState } from '../ui/useAction';
import { useI18n } from '../i18n';
import { useServices } from '../services';
import { DateField } from '../ui/DateField';
import { OrganisationField } from './OrganisationField';

function kronorIssue(text: string): string | undefined {
  try {
    parseKronor(text);
    return undefined;
  } catch (error) {
    return error instanceof DomainValidationError ? (error.issues[0]?.message ?? error.message) : String(error);
  }
}

/** A form in a dialog behind an opener button: errors show in the dialog, the success message on the page. */
function useDialog(action: Action) {
  const [open, setOpen] = useState(false);
  const idle: ActionState = { status: 'idle' };
  return {
    open,
    show: () => {
      action.reset();
      setOpen(true);
    },
    close: () => setOpen(false),
    /** What the dialog shows under its fields: a refusal or a busy save, never the success it closes on. */
    inside: action.state.status === 'done' ? idle : action.state,
    /** What the page shows beside the opener: the result once the dialog has closed. */
    outside: open ? idle : action.state,
  };
}

interface BookOutcomeProps {
  lines: BudgetLineDto[];
  year: number;
  /** The day the lägesrapport is as of: a booking dated later is not in it yet, and the message says so. */
  reportAsOf: string | undefined;
  onBooked(): void;
}

export function BookOutcome({ lines, year, reportAsOf, onBooked }: BookOutcomeProps) {
  const { t } = useI18n();
  const page = usePageStyles();
  const { api } = useServices();
  const action = useAction();
  const dialog = useDialog(action);
  const today = todayInStockholm();
  const [lineId, setLineId] = useState(lines[0]?.id ?? '');
  const [amount, setAmount] = useState('');
  const [date, setDate] = useState(today.startsWith(`${year}-`) ? today : `${year}-12-31`);
  const [text, setText] = useState('');
  const [touched, setTouched] = useState(false);
  const amountProblem = touched ? kronorIssue(amount) : undefined;
  const submit = async () => {
    setTouched(true);
    if (kronorIssue(amount)) return;
    const ok = await action.run(async () => {
      await budgetApi(api).bookOutcome({
        budgetLineId: lineId,
        date,
        amountOre: parseKronor(amount),
        ...(text.trim() ? { text: text.trim() } : {}),
      });
      return reportAsOf !== undefined && date > reportAsOf
        ? t('budget.book.doneLater', { date, asOf: reportAsOf })
        : t('budget.book.done', { asOf: reportAsOf ?? date });
    });
    if (ok) {
      setAmount('');
      setText('');
      setTouched(false);
      dialog.close();
      onBooked();
    }
  };
  return (
    <div className={page.section}>
      <Button appearance="primary" onClick={dialog.show}>
        {t('budget.book')}
      </Button>
      <ActionStatus state={dialog.outside} />
      <FormDialog
        open={dialog.open}
        title={t('budget.book')}
        submitLabel={t('budget.book.submit')}
        cancelLabel={t('budget.cancel')}
        busy={action.busy}
        onSubmit={() => void submit()}
        onCancel={dialog.close}
        footer={<ActionStatus state={dialog.inside} />}
      >
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
        <DateField label={t('budget.book.date')} required value={date} onChange={setDate} />
        <Field label={t('budget.book.text')}>
          <Input value={text} onChange={(_, data) => setText(data.value)} />
        </Field>
      </FormDialog>
    </div>
  );
}

export function AddLine({ year, onAdded }: { year: number; onAdded(): void }) {
  const { t } = useI18n();
  const page = usePageStyles();
  const { api } = useServices();
  const action = useAction();
  const dialog = useDialog(action);
  const [name, setName] = useState('');
  const [category, setCategory] = useState<BudgetCategory>('oh_administration');
  const [amount, setAmount] = useState('');
  const [organisationId, setOrganisationId] = useState('');
  const submit = async () => {
    const ok = await action.run(async () => {
      await budgetApi(api).addLine({
        year,
        name: name.trim(),
        category,
        amountOre: parseKronor(amount),
        ...(organisationId ? { organisationId } : {}),
      });
      return t('budget.addLine.done');
    });
    if (ok) {
      setName('');
      setAmount('');
      setOrganisationId('');
      dialog.close();
      onAdded();
    }
  };
  return (
    <div className={page.section}>
      <Button onClick={dialog.show}>{t('budget.addLine')}</Button>
      <ActionStatus state={dialog.outside} />
      <FormDialog
        open={dialog.open}
        title={t('budget.addLine')}
        submitLabel={t('budget.addLine.submit')}
        cancelLabel={t('budget.cancel')}
        busy={action.busy}
        onSubmit={() => void submit()}
        onCancel={dialog.close}
        footer={<ActionStatus state={dialog.inside} />}
      >
        <Field label={t('budget.addLine.name')} required>
          <Input value={name} onChange={(_, data) => setName(data.value)} />
        </Field>
        <Field label={t('budget.addLine.category')} required>
          <Select
            value={category}
            onChange={(_, data) => setCategory(CATEGORIES.find((c) => c === data.value) ?? category)}
          >
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
        <OrganisationField
          label={t('budget.addLine.organisation')}
          value={organisationId}
          onChange={setOrganisationId}
          required={category === 'medfinansiering_kommun'}
        />
      </FormDialog>
    </div>
  );
}

export function LogTime({ onLogged }: { onLogged(): void }) {
  const { t } = useI18n();
  const { api } = useServices();
  const action = useAction();
  const dialog = useDialog(action);
  const [date, setDate] = useState(todayInStockholm());
  const [hours, setHours] = useState('');
  const [assignment, setAssignment] = useState('');
  const submit = async () => {
    const ok = await action.run(async () => {
      await budgetApi(api).logTime({ date, hours: Number(hours.replace(',', '.')), assignment: assignment.trim() });
      return t('budget.time.done');
    });
    if (ok) {
      setHours('');
      dialog.close();
      onLogged();
    }
  };
  return (
    <div>
      <Button onClick={dialog.show}>{t('budget.time.log')}</Button>
      <ActionStatus state={dialog.outside} />
      <FormDialog
        open={dialog.open}
        title={t('budget.time.log')}
        submitLabel={t('budget.time.log')}
        cancelLabel={t('budget.cancel')}
        busy={action.busy}
        onSubmit={() => void submit()}
        onCancel={dialog.close}
        footer={<ActionStatus state={dialog.inside} />}
      >
        <DateField label={t('budget.time.date')} required value={date} onChange={setDate} />
        <Field label={t('budget.time.hours')} required>
          <Input value={hours} inputMode="decimal" onChange={(_, data) => setHours(data.value)} />
        </Field>
        <Field label={t('budget.time.assignment')} required>
          <Input value={assignment} onChange={(_, data) => setAssignment(data.value)} />
        </Field>
      </FormDialog>
    </div>
  );
}
