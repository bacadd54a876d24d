import { Table, TableBody, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { useI18n } from '../i18n';
import { ActionStatus } from '../ui/ActionStatus';
import { usePageStyles } from '../ui/styles';
import { TableScroll } from '../ui/TableScroll';
import { useAction, type ActionState } from '../ui/useAction';
import type { BudgetLineDto } from '../../contract';
import { EditLine } from './lines/EditLine';
import { LineRow } from './lines/LineRow';

export { categoryKey } from './categories';

/** The year's budget lines for the samordnare, each with an edit action (sent with the ETag read). */
export function EditLines({ lines, year, onSaved }: { lines: BudgetLineDto[]; year: number; onSaved(): void }) {
  const { t } = useI18n();
  const page = usePageStyles();
  const action = useAction();
  const [editing, setEditing] = useState<BudgetLineDto | undefined>();
  const [open, setOpen] = useState(false);
  const editButtons = useRef(new Map<string, HTMLElement>());
  // Once the dialog's closing motion has ended, the focus goes back to the line's edit button.
  const closed = (lineId: string) => {
    setEditing(undefined);
    editButtons.current.get(lineId)?.focus();
  };
  const idle: ActionState = { status: 'idle' };
  return (
    <section className={page.section} aria-labelledby="budget-lines">
      <h2 id="budget-lines" className={page.sectionHeading}>
        {t('budget.lines')}
      </h2>
      {lines.length === 0 ? (
        <p>{t('budget.lines.none', { year })}</p>
      ) : (
        <TableScroll label={t('budget.lines')}>
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
                <LineRow
                  key={line.id}
                  line={line}
                  buttonRef={(element) => {
                    if (element) editButtons.current.set(line.id, element);
                    else editButtons.current.delete(line.id);
                  }}
                  onEdit={() => {
                    action.reset();
                    setEditing(line);
                    setOpen(true);
                  }}
                />
              ))}
            </TableBody>
          </Table>
        </TableScroll>
      )}
      {editing && (
        <EditLine
          key={editing.id}
          line={editing}
          open={open}
          run={action.run}
          busy={action.state.status === 'busy'}
          status={<ActionStatus state={action.state.status === 'done' ? idle : action.state} />}
          conflictCurrent={
            action.state.status === 'error' && action.state.error.code === 'CONFLICT'
              ? action.state.error.current
              : undefined
          }
          onSaved={() => {
            setOpen(false);
            onSaved();
          }}
          onCancel={() => setOpen(false)}
          onClosed={() => closed(editing.id)}
        />
      )}
      <ActionStatus state={open ? idle : action.state} />
    </section>
  );
}
