import { makeStyles, tokens } from '@fluentui/react-components';

/** Headings, sections and lists of a page. */
export const usePageStyles = makeStyles({
  heading: {
    fontSize: tokens.fontSizeHero700,
    lineHeight: tokens.lineHeightHero700,
    fontWeight: tokens.fontWeightSemibold,
    margin: `0 0 ${tokens.spacingVerticalL}`,
    ':focus': { outlineStyle: 'none' },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  section: {
    marginBottom: tokens.spacingVerticalXXL,
  },
  sectionHeading: {
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    margin: `0 0 ${tokens.spacingVerticalS}`,
  },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    '& li': { marginBottom: tokens.spacingVerticalXS },
  },
});

/** Toolbars, forms and tables with amounts, as the economy and decision pages lay them out. */
export const useFormStyles = makeStyles({
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalL,
  },
  form: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(12rem, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
    maxWidth: '60rem',
    marginBottom: tokens.spacingVerticalM,
    // A grid item is at least as wide as its content: a drop-down with a long choice would widen the page.
    '& > *': { minWidth: 0 },
  },
  // Fluent's Table lays out fixed, squeezing every column into the width so that amounts overlap at 360 px; here
  // columns take what their content needs and the wrapper scrolls sideways instead of the page.
  tableWrap: {
    overflowX: 'auto',
    marginBottom: tokens.spacingVerticalM,
    '& .fui-Table': { tableLayout: 'auto' },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  number: { textAlign: 'right', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
  sumRow: { fontWeight: tokens.fontWeightSemibold },
  negative: { color: tokens.colorPaletteRedForeground1 },
  caption: { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, padding: `${tokens.spacingVerticalXS} 0` },
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});
