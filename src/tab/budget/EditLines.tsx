import {
  Button,
  Field,
  Input,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { useRef, useState, type FormEvent } from 'react';
import { formatSek, parseKronor } from '../../domain/money';
import { SAMVERKANSOMRADEN as AREAS, type Samverkansomrade as Area } from '../../domain/areas';
import { BUDGET_CATEGORIES as CATEGORIES, type BudgetCategory } from '../../domain/budget';
import { useI18n, type MessageKey } from '../i18n';
import { ActionStatus } from '../ui/ActionStatus';
import { ChoiceField } from '../ui/ChoiceField';
import { useFormStyles, usePageStyles } from '../ui/styles';
import { useAction } from '../ui/useAction';
import { useServices } from '../services';
import { budgetLineSchema, type BudgetLineDto } from '../../contract';
import { budgetApi } from './api';

type Category = BudgetCategory;

export function categoryKey(category: string): MessageKey {
  return (CATEGORIES as readonly string[]).includes(category)
    ? (`budget.cat.${category}` as MessageKey)
    : 'budget.none';
}

const plainSek = (ore: number) => formatSek(ore, { plain: true });

/** The year's budget lines for the samordnare, each with an edit action (sent with the ETag read). */
export function EditLines({ lines, year, onSaved }: { lines: BudgetLineDto[]; year: number; onSaved(): void }) {
  const { t } = useI18n();
  const page = usePageStyles();
  const styles = useFormStyles();
  const action = useAction();
  const [editing, setEditing] = useState<BudgetLineDto | undefined>();
  const editButtons = useRef(new Map<string, HTMLElement>());
  const close = (lineId: string) => {
    setEditing(undefined);
    editButtons.current.get(lineId)?.focus();
  };
  return (
    <section className={page.section} aria-labelledby="budget-lines">
      <h2 id="budget-lines" className={page.sectionHeading}>
        {t('budget.lines')}
      </h2>
      {lines.length === 0 ? (
        <p>{t('budget.lines.none', { year })}</p>
      ) : (
        <div className={styles.tableWrap}>
          <Table aria-label={t('budget.lines')} size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('budget.addLine.name')}</TableHeaderCell>
                <TableHeaderCell>{t('budget.col.category')}</TableHeaderCell>
                <TableHeaderCell>{t('budget.line.area')}</TableHeaderCell>
                <TableHeaderCell>{t('budget.col.budget')}</TableHeaderCell>
                <TableHeaderCell>{t('budget.lines.actions')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {lines.map((line) => (
                <TableRow key={line.id}>
                  <TableCell>{line.name}</TableCell>
                  <TableCell>{t(categoryKey(line.category))}</TableCell>
                  <TableCell>{line.area ? t(`act.area.${line.area as Area}`) : ''}</TableCell>
                  <TableCell className={styles.number}>{formatSek(line.amountOre)}</TableCell>
                  <TableCell>
                    <Button
                      size="small"
                      ref={(element) => {
                        if (element) editButtons.current.set(line.id, element);
                        else editButtons.current.delete(line.id);
                      }}
                      aria-label={t('budget.line.editLabel', { name: line.name })}
                      onClick={() => {
                        action.reset();
                        setEditing(line);
                      }}
                    >
                      {t('budget.line.edit')}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {editing && (
        <EditLine
          key={editing.id}
          line={editing}
          run={action.run}
          busy={action.state.status === 'busy'}
          conflictCurrent={
            action.state.status === 'error' && action.state.error.code === 'CONFLICT'
              ? action.state.error.current
              : undefined
          }
          onSaved={() => {
            close(editing.id);
            onSaved();
          }}
          onCancel={() => close(editing.id)}
        />
      )}
      <ActionStatus state={action.state} />
    </section>
  );
}

function EditLine({
  line,
  run,
  busy,
  conflictCurrent,
  onSaved,
  onCancel,
}: {
  line: BudgetLineDto;
  run(action: () => Promise<string>): Promise<boolean>;
  busy: boolean;
  conflictCurrent: unknown;
  onSaved(): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const page = usePageStyles();
  const styles = useFormStyles();
  const { api } = useServices();
  const [base, setBase] = useState(line);
  const [name, setName] = useState(line.name);
  const [category, setCategory] = useState<Category>(
    (CATEGORIES as readonly string[]).includes(line.category) ? (line.category as Category) : 'oh_administration',
  );
  const [area, setArea] = useState<Area | ''>((line.area as Area | undefined) ?? '');
  const [amount, setAmount] = useState(plainSek(line.amountOre));
  const parsedNewer = budgetLineSchema.safeParse(conflictCurrent);
  const newer = parsedNewer.success && parsedNewer.data.etag !== base.etag ? parsedNewer.data : undefined;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await run(async () => {
      const { line: saved } = await budgetApi(api).updateLine(base, {
        name: name.trim(),
        category,
        area: area || null,
        amountOre: parseKronor(amount),
      });
      return t('budget.line.saved', { name: saved.name });
    });
    if (ok) onSaved();
  };
  const headingId = `budget-edit-${line.id}`;
  return (
    <form className={page.section} onSubmit={(event) => void submit(event)} noValidate aria-labelledby={headingId}>
      <h3 id={headingId} className={page.sectionHeading}>
        {t('budget.line.editTitle', { name: line.name })}
      </h3>
      <div className={styles.form}>
        <Field label={t('budget.addLine.name')} required>
          <Input value={name} onChange={(_, data) => setName(data.value)} />
        </Field>
        <ChoiceField
          label={t('budget.addLine.category')}
          required
          value={category}
          choices={CATEGORIES.map((c) => ({ value: c, label: t(`budget.cat.${c}`) }))}
          onChange={setCategory}
        />
        <ChoiceField
          label={t('budget.line.area')}
          value={area}
          allLabel={t('budget.line.noArea')}
          choices={AREAS.map((a) => ({ value: a, label: t(`act.area.${a}`) }))}
          onChange={setArea}
        />
        <Field label={t('budget.addLine.amount')} hint={t('budget.book.amountHint')} required>
          <Input value={amount} inputMode="decimal" onChange={(_, data) => setAmount(data.value)} />
        </Field>
      </div>
      <div className={styles.toolbar}>
        <Button type="submit" appearance="primary" disabled={busy}>
          {t('budget.line.save')}
        </Button>
        <Button onClick={onCancel}>{t('budget.line.cancel')}</Button>
      </div>
      {newer && (
        <div data-testid="budget-line-newer">
          <p>
            {t('budget.line.newer', {
              name: newer.name,
              category: t(categoryKey(newer.category)),
              amount: formatSek(newer.amountOre),
            })}
          </p>
          <Button
            onClick={() => {
              setBase(newer);
              setName(newer.name);
              setAmount(plainSek(newer.amountOre));
              setArea((newer.area as Area | undefined) ?? '');
              if ((CATEGORIES as readonly string[]).includes(newer.category)) setCategory(newer.category as Category);
            }}
          >
            {t('budget.line.useNewer')}
          </Button>
        </div>
      )}
    </form>
  );
}
