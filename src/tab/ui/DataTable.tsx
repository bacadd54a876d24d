import {
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  createTableColumn,
  type SortDirection,
  type TableColumnDefinition,
} from '@fluentui/react-components';
import { useMemo, type ReactNode } from 'react';

export interface DataColumn<T> {
  id: string;
  header: string;
  cell(item: T): ReactNode;
  /** Makes the column sortable by this order (ascending). */
  compare?(a: T, b: T): number;
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
}

/**
 * A table of records on Fluent's DataGrid: a column with `compare` sorts when its header is pressed (the header
 * announces the order through aria-sort), and an empty list is said in words instead of an empty grid.
 */
export function DataTable<T>({ items, columns, getRowId, label, emptyMessage, defaultSort }: DataTableProps<T>) {
  const definitions = useMemo<TableColumnDefinition<T>[]>(
    () =>
      columns.map((column) =>
        createTableColumn<T>({
          columnId: column.id,
          // Fluent sorts a column whose compare takes arguments; the others keep its no-argument default.
          ...(column.compare ? { compare: column.compare } : {}),
          renderHeaderCell: () => column.header,
          renderCell: (item) => column.cell(item),
        }),
      ),
    [columns],
  );
  if (items.length === 0) return <p role="status">{emptyMessage}</p>;
  return (
    <DataGrid
      items={[...items]}
      columns={definitions}
      getRowId={getRowId}
      sortable={columns.some((column) => column.compare)}
      defaultSortState={
        defaultSort ? { sortColumn: defaultSort.columnId, sortDirection: defaultSort.direction } : undefined
      }
      aria-label={label}
    >
      <DataGridHeader>
        <DataGridRow>
          {({ renderHeaderCell, columnId }) => (
            <DataGridHeaderCell key={columnId}>{renderHeaderCell()}</DataGridHeaderCell>
          )}
        </DataGridRow>
      </DataGridHeader>
      <DataGridBody<T>>
        {({ item, rowId }) => (
          <DataGridRow<T> key={rowId}>
            {({ renderCell }) => <DataGridCell>{renderCell(item)}</DataGridCell>}
          </DataGridRow>
        )}
      </DataGridBody>
    </DataGrid>
  );
}
