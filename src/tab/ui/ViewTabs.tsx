import { makeStyles, mergeClasses, Tab, TabList } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { usePageStyles } from './styles';

// Several views may not fit in one row at 360 px (Teams mobile): the tabs wrap instead of widening the page.
const useTabStyles = makeStyles({ list: { flexWrap: 'wrap' } });

/** The id of a view's tab, which labels its panel (see ViewPanel). */
export const viewTabId = (prefix: string, view: string) => `${prefix}-tab-${view}`;

/** A page's views as tabs (one thing at a time); pair with usePageView to keep the view in the address. */
export function ViewTabs<V extends string>({
  idPrefix,
  label,
  views,
  view,
  labelOf,
  onView,
}: {
  /** Prefixes each tab's id: `<prefix>-tab-<view>`. */
  idPrefix: string;
  /** The tab list's accessible name, e.g. "Vyer på budgetsidan". */
  label: string;
  views: readonly V[];
  view: V;
  labelOf(view: V): ReactNode;
  onView(view: V): void;
}) {
  const page = usePageStyles();
  const tabs = useTabStyles();
  return (
    <TabList
      className={mergeClasses(page.section, tabs.list)}
      aria-label={label}
      selectedValue={view}
      onTabSelect={(_, data) => onView(data.value as V)}
    >
      {views.map((v) => (
        <Tab key={v} id={viewTabId(idPrefix, v)} value={v}>
          {labelOf(v)}
        </Tab>
      ))}
    </TabList>
  );
}

/** The panel of the selected view, named by its tab. */
export function ViewPanel({ idPrefix, view, children }: { idPrefix: string; view: string; children: ReactNode }) {
  const page = usePageStyles();
  return (
    <section role="tabpanel" aria-labelledby={viewTabId(idPrefix, view)} className={page.section}>
      {children}
    </section>
  );
}
