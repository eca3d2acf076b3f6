import { JSDOM } from 'jsdom';

/** Globals a zoneless Angular app needs to render into a document in Node. */
const DOM_GLOBALS = [
  'window',
  'document',
  'Node',
  'Element',
  'HTMLElement',
  'Text',
  'Comment',
  'DocumentFragment',
  'Event',
  'CustomEvent',
  'MouseEvent',
  'KeyboardEvent',
  'getComputedStyle',
  'requestAnimationFrame',
  'cancelAnimationFrame',
] as const;

/**
 * Installs a jsdom window's DOM globals, with 60 Hz animation frames (`pretendToBeVisual`), so
 * zoneless apps can render and frame-based scheduling behaves as in a visible browser tab.
 * `XMLHttpRequest` and `WebSocket` are left out: the clients keep Node's HTTP and `ws`, so only
 * rendering differs from the other benchmarks.
 */
export function installDomGlobals(): JSDOM {
  const dom = new JSDOM('<!doctype html><html><body></body></html>', {
    pretendToBeVisual: true,
    url: 'http://localhost/',
  });
  const globals = globalThis as Record<string, unknown>;
  for (const name of DOM_GLOBALS) {
    const value = (dom.window as unknown as Record<string, unknown>)[name];
    globals[name] =
      typeof value === 'function' && /^[a-z]/.test(name) ? value.bind(dom.window) : value;
  }
  return dom;
}
