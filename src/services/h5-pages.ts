/**
 * Taro's H5 pages are scroll containers; keyboard users must be able to focus one to scroll it
 * (WCAG 2.1.1). Pages are created as the user navigates, so each new one is marked as it appears.
 */
export function makePagesKeyboardScrollable(): void {
  const mark = () => {
    document.querySelectorAll('.taro_page:not([tabindex])').forEach((page) => page.setAttribute('tabindex', '0'));
  };
  new MutationObserver(mark).observe(document.body, { childList: true, subtree: true });
  mark();
}
