import { makeStyles, tokens } from '@fluentui/react-components';

export const useProtocolStyles = makeStyles({
  checks: {
    display: 'grid',
    // min(…, 100%): one column in Teams' meeting side panel (about 320 px) instead of a row wider than the panel.
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(18rem, 100%), 1fr))',
    gap: tokens.spacingVerticalXS,
  },
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '40rem', marginTop: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'flex-end' },
});
