// antd under jsdom needs matchMedia and ResizeObserver, which jsdom does not provide.
// Import this first in every React test file (the root vitest config is shared, so no global setupFiles).
if (typeof window !== 'undefined') {
  if (!window.matchMedia) {
    window.matchMedia = (query: string): MediaQueryList => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    });
  }
  if (!('ResizeObserver' in window)) {
    class ResizeObserverStandIn {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    }
    Object.defineProperty(window, 'ResizeObserver', { value: ResizeObserverStandIn, writable: true });
    Object.defineProperty(globalThis, 'ResizeObserver', { value: ResizeObserverStandIn, writable: true });
  }
}
