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

/**
 * Taro's H5 chooseImage uses a hidden file input it creates on first use (and reuses by id); made
 * here first, it carries a label and stays out of the tab order.
 */
export function labelImagePicker(): void {
  if (document.getElementById('taroChooseImage')) return;
  const input = document.createElement('input');
  input.setAttribute('type', 'file');
  input.setAttribute('id', 'taroChooseImage');
  input.setAttribute('aria-label', '选择照片');
  input.setAttribute('tabindex', '-1');
  input.setAttribute('style', 'position: fixed; top: -4000px; left: -3000px; z-index: -300;');
  document.body.appendChild(input);
}
