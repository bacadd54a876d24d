import { useEffect, useRef, type RefObject } from 'react';
import type { PageId } from '../routes';

/** While a lazy page loads, React keeps the previous page mounted but hidden (display: none). */
function hiddenIn(main: HTMLElement, element: HTMLElement): boolean {
  for (let node: HTMLElement | null = element; node && node !== main; node = node.parentElement) {
    if (node.style.display === 'none') return true;
  }
  return false;
}

/**
 * When the page changes, the new page's h1 takes focus so screen readers announce it; a page loaded on demand renders
 * its heading later, so this waits for it to appear.
 */
export function useFocusHeadingOnPageChange(page: PageId, mainRef: RefObject<HTMLElement | null>): void {
  const previousPage = useRef(page);
  useEffect(() => {
    if (previousPage.current === page) return;
    previousPage.current = page;
    const main = mainRef.current;
    if (!main) return;
    const focusHeading = () => {
      const heading = [...main.querySelectorAll<HTMLElement>('h1')].find((h1) => !hiddenIn(main, h1));
      if (!heading) return false;
      if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
      heading.focus();
      return true;
    };
    if (focusHeading()) return;
    const observer = new MutationObserver(() => {
      if (focusHeading()) observer.disconnect();
    });
    observer.observe(main, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [page, mainRef]);
}
