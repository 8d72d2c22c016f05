import { JSDOM } from 'jsdom';

/** The parts of exparser's nodes the harness walks (j-component leaves Taro's nested `comp` trees unreachable). */
export interface ExparserNode {
  shadowRoot?: { querySelector?(selector: string): ExparserNode | null; childNodes?: ExparserNode[] };
  childNodes?: ExparserNode[];
  __componentNode__?: JComponent;
}

/** j-component's component wrapper, as far as the harness uses it. */
export interface JComponent {
  readonly dom: HTMLElement | undefined;
  readonly instance: (Record<string, unknown> & { data?: Record<string, unknown> }) | undefined;
  readonly _exparserNode: ExparserNode;
  attach(parent: HTMLElement): void;
  detach(): void;
  dispatchEvent(name: string, options?: { detail?: unknown }): void;
}

export interface JComponentModule {
  register(definition: Record<string, unknown>): string;
  create(id: string): JComponent;
}

export interface ViewLayer {
  window: Window & { __webview_engine_version__?: number };
  document: Document;
  jComponent: JComponentModule;
  /** j-component's wrapper for an exparser node found by walking shadow trees. */
  wrap(node: ExparserNode): JComponent;
}

/** WeChat's built-in components: hosts with a slot (no native behaviour), with the properties the app reads. */
const BUILT_IN = ['view', 'text', 'image', 'button', 'input', 'textarea', 'scroll-view', 'canvas', 'swiper', 'swiper-item', 'icon', 'rich-text', 'picker', 'switch', 'checkbox', 'radio', 'label', 'form', 'navigator', 'map', 'video', 'camera', 'web-view', 'progress', 'slider', 'cover-view', 'cover-image', 'movable-area', 'movable-view', 'picker-view', 'picker-view-column', 'checkbox-group', 'radio-group', 'editor', 'block'];
const PROPERTIES: Record<string, Record<string, { type: StringConstructor | BooleanConstructor; value: string | boolean }>> = {
  button: { openType: { type: String, value: '' }, disabled: { type: Boolean, value: false } },
  input: { value: { type: String, value: '' } },
  textarea: { value: { type: String, value: '' } },
  image: { src: { type: String, value: '' } },
  canvas: { type: { type: String, value: '' } },
};
/** What exparser expects of the page's global scope (it is a browser library). */
const DOM_GLOBALS = ['window', 'document', 'navigator', 'Node', 'Element', 'HTMLElement', 'Event', 'CustomEvent', 'TouchEvent', 'MouseEvent', 'getComputedStyle', 'requestAnimationFrame', 'cancelAnimationFrame', 'DocumentFragment', 'Text'];

let installed: (ViewLayer & { close(): void }) | null = null;

/** After a test file: jsdom's animation-frame timer would keep the process alive. */
export function closeViewLayer(): void {
  installed?.close();
}

/** One jsdom document per test file, exparser on it, WeChat's built-in tags registered. */
export function installViewLayer(): ViewLayer {
  if (installed) return installed;
  const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', { pretendToBeVisual: true });
  const window = dom.window as unknown as Window & Record<string, unknown>;
  for (const name of DOM_GLOBALS) {
    if (window[name] !== undefined) Object.defineProperty(globalThis, name, { value: name === 'window' ? window : window[name], configurable: true, writable: true });
  }
  const jComponent = require('j-component') as JComponentModule;
  for (const name of BUILT_IN) jComponent.register({ id: name, tagName: `wx-${name}`, template: '<slot/>', properties: PROPERTIES[name] ?? {} });
  const probe = jComponent.create('view');
  const Wrapper = Object.getPrototypeOf(Object.getPrototypeOf(probe)).constructor as new (node: ExparserNode) => JComponent;
  installed = {
    window,
    document: window.document,
    jComponent,
    wrap: (node) => node.__componentNode__ ?? new Wrapper(node),
    close: () => dom.window.close(),
  };
  return installed;
}
