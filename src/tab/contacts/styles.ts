import { makeStyles, tokens } from '@fluentui/react-components';

export const useContactsStyles = makeStyles({
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalL,
    marginBottom: tokens.spacingVerticalL,
  },
  search: { minWidth: '16rem', flexGrow: 1, maxWidth: '28rem' },
  table: { marginBottom: tokens.spacingVerticalXL, tableLayout: 'auto' },
  // Rows are not interactive; Fluent's hover background would put the links' colour on a clashing
  // background in high contrast (yellow on cyan).
  row: { ':hover': { backgroundColor: 'transparent' }, ':active': { backgroundColor: 'transparent' } },
  nameCell: { fontWeight: tokens.fontWeightSemibold },
  tableWrap: { overflowX: 'auto' },
});
