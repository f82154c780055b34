// DOM stubs for component tests under jsdom, kept in one place.
import '@testing-library/jest-dom/vitest';

// jsdom does not scroll; SourceText scrolls its box to the highlighted passage.
if (!('scrollTo' in Element.prototype)) {
  Object.defineProperty(Element.prototype, 'scrollTo', { value: () => {}, configurable: true });
}
