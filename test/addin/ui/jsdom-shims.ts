// What jsdom lacks and Chromium has, for the pane's component tests: Fluent's MessageBar watches its
// size with ResizeObserver (layout does not exist in jsdom, so nothing is ever observed).
class NoLayoutResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

const scope = globalThis as { ResizeObserver?: unknown };
scope.ResizeObserver ??= NoLayoutResizeObserver;
