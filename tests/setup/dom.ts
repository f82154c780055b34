// DOM stubs for component tests under jsdom, kept in one place.
import '@testing-library/jest-dom/vitest';

// jsdom does not scroll; SourceText scrolls its box to the highlighted passage.
if (!('scrollTo' in Element.prototype)) {
  Object.defineProperty(Element.prototype, 'scrollTo', { value: () => {}, configurable: true });
}

// jsdom has no Path2D; the canvas scene collects arrowheads in one (drawn by a recording context).
if (!('Path2D' in globalThis)) {
  class Path2DStub {
    moveTo(): void {}
    lineTo(): void {}
    closePath(): void {}
    arc(): void {}
    rect(): void {}
  }
  Object.defineProperty(globalThis, 'Path2D', { value: Path2DStub, configurable: true });
}
