import { makeStyles, tokens } from '@fluentui/react-components';

/** The meeting view is read in Teams' side panel, about 320 px wide: one column, nothing wider than the panel. */
export const useMeetingStyles = makeStyles({
  root: {
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    maxWidth: '48rem',
    color: tokens.colorNeutralForeground1,
    overflowWrap: 'anywhere',
    '& .fui-Select, & .fui-Textarea': { maxWidth: '100%', minWidth: 0 },
  },
  title: {
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    margin: 0,
    ':focus': { outlineStyle: 'none' },
  },
  when: { margin: `${tokens.spacingVerticalXXS} 0 ${tokens.spacingVerticalM}`, color: tokens.colorNeutralForeground2 },
  heading: {
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    margin: `${tokens.spacingVerticalL} 0 ${tokens.spacingVerticalS}`,
  },
  points: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  point: {
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
  },
  pointTitle: { fontWeight: tokens.fontWeightSemibold, margin: 0 },
  meta: { margin: `${tokens.spacingVerticalXXS} 0 0`, color: tokens.colorNeutralForeground2 },
  details: { margin: `${tokens.spacingVerticalXS} 0 0`, whiteSpace: 'pre-line' },
  documents: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
  decided: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
  form: { display: 'grid', gap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalS },
  // The notes' box: grid items keep their content's width unless told, and a textarea's is its 20 columns.
  note: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    gap: tokens.spacingVerticalS,
    marginTop: tokens.spacingVerticalS,
    '& .fui-Textarea': { width: '100%', maxWidth: '100%', minWidth: 0, boxSizing: 'border-box' },
  },
  disclosure: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    '& fieldset': { border: 'none', padding: 0, margin: `${tokens.spacingVerticalS} 0` },
    '& legend': { fontWeight: tokens.fontWeightSemibold },
  },
  summary: {
    cursor: 'pointer',
    fontWeight: tokens.fontWeightSemibold,
    padding: `${tokens.spacingVerticalXS} 0`,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalXS },
});
