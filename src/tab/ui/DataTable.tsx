import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  createTableColumn,
  useTableFeatures,
  useTableSort,
  type SortDirection,
  type TableColumnDefinition,
  type TableColumnId,
} from '@fluentui/react-components';
import { useMemo, type MouseEvent, type ReactNode } from 'react';

export interface DataColumn<T> {
  id: string;
  header: string;
  cell(item: T): ReactNode;
  /** Makes the column sortable by this order (ascending); see ./sortBy for Swedish text, numbers and dates. */
  compare?(a: T, b: T): number;
  /** A column of amounts or counts: right-aligned, not wrapped. */
  numeric?: boolean;
  /** A column whose cells are not wrapped: dates, a row's buttons side by side. */
  nowrap?: boolean;
}

export interface DataTableProps<T> {
  items: readonly T[];
  columns: readonly DataColumn<T>[];
  getRowId(item: T): string;
  /** The table's accessible name, e.g. the heading of its section. */
  label: string;
  /** Said instead of an empty table, e.g. "Inga aktiviteter matchar filtret." */
  emptyMessage: string;
  defaultSort?: { columnId: string; direction: SortDirection };
  className?: string;
  /** A class for every row, or per row (e.g. a sum row set apart). */
  rowClassName?: string | ((item: T) => string | undefined);
}

const numericCell = { textAlign: 'right', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;
const nowrapCell = { whiteSpace: 'nowrap' } as const;
const cellStyle = (column: DataColumn<never>) =>
  column.numeric ? numericCell : column.nowrap ? nowrapCell : undefined;

/**
 * A table of records on Fluent's Table with its sort feature: a column with `compare` sorts when its header is
 * pressed (again: the other way), the header announcing the order through aria-sort; the other columns are plain.
 * An empty list is said in words instead of an empty table. Rows stay real table rows, so that each column takes
 * the width its content needs (TableScroll scrolls it sideways on a phone).
 */
export function DataTable<T>({
  items,
  columns,
  getRowId,
  label,
  emptyMessage,
  defaultSort,
  className,
  rowClassName,
}: DataTableProps<T>) {
  const definitions = useMemo<TableColumnDefinition<T>[]>(
    () =>
      columns.map((column) =>
        createTableColumn<T>({ columnId: column.id, ...(column.compare ? { compare: column.compare } : {}) }),
      ),
    [columns],
  );
  const {
    getRows,
    sort: { getSortDirection, toggleColumnSort, sort },
  } = useTableFeatures<T>({ columns: definitions, items: items as T[] }, [
    useTableSort(
      defaultSort
        ? { defaultSortState: { sortColumn: defaultSort.columnId, sortDirection: defaultSort.direction } }
        : {},
    ),
  ]);
  if (items.length === 0) return <p role="status">{emptyMessage}</p>;
  const headerProps = (columnId: TableColumnId) => ({
    sortable: true,
    sortDirection: getSortDirection(columnId),
    onClick: (event: MouseEvent) => toggleColumnSort(event, columnId),
  });
  return (
    <Table aria-label={label} size="small" className={className}>
      <TableHeader>
        <TableRow>
          {columns.map((column) => (
            <TableHeaderCell
              key={column.id}
              scope="col"
              style={cellStyle(column)}
              {...(column.compare ? headerProps(column.id) : { sortable: false })}
            >
              {column.header}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {sort(getRows()).map(({ item }) => (
          <TableRow
            key={getRowId(item)}
            className={typeof rowClassName === 'function' ? rowClassName(item) : rowClassName}
          >
            {columns.map((column) => (
              <TableCell key={column.id} style={cellStyle(column)}>
                {column.cell(item)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
