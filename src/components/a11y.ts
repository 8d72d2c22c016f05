const H5 = process.env.TARO_ENV === 'h5';

/**
 * Taro's H5 components wrap the real <input>, <textarea> and <img> in custom elements: a label must
 * reach the inner element (nativeProps), where screen readers and axe look for it. In WeChat the
 * component itself takes aria-label.
 */
export function fieldLabel(label: string): { 'aria-label'?: string; nativeProps?: Record<string, string> } {
  return H5 ? { nativeProps: { 'aria-label': label } } : { 'aria-label': label };
}

export function imageLabel(label: string): { 'aria-label'?: string; nativeProps?: Record<string, string> } {
  return H5 ? { nativeProps: { alt: label } } : { 'aria-label': label };
}
