import { Button } from '@fluentui/react-components';
import { useState } from 'react';

/**
 * A long list collapsed to its first `limit` items with a button that says how many there are ("Visa alla 24
 * beslut"); `visible` is what to show now. The button is only there when the list is longer than the limit.
 */
export function useShowAll<T>(items: readonly T[], limit: number) {
  const [all, setAll] = useState(false);
  const visible = all ? items : items.slice(0, limit);
  return { visible, all, setAll, collapsible: items.length > limit, count: items.length };
}

export function ShowAllButton({
  state,
  showAllLabel,
  showFewerLabel,
}: {
  state: ReturnType<typeof useShowAll>;
  showAllLabel: string;
  showFewerLabel: string;
}) {
  if (!state.collapsible) return null;
  return (
    <Button appearance="subtle" aria-expanded={state.all} onClick={() => state.setAll(!state.all)}>
      {state.all ? showFewerLabel : showAllLabel}
    </Button>
  );
}
