// teams-js calls fetch on import; in jsdom there is no network, so fail fast instead of killing the process.
globalThis.fetch = (() => Promise.reject(new Error('no network in component tests'))) as typeof fetch;

// jsdom lacks the encoding API; the export tests read the downloaded bytes with it.
import { TextDecoder, TextEncoder } from 'node:util';
Object.assign(globalThis, { TextEncoder, TextDecoder });

// Fluent's MessageBar measures itself with ResizeObserver, which jsdom does not have.
class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
Object.assign(globalThis, { ResizeObserver: globalThis.ResizeObserver ?? NoopResizeObserver });

// findBy…/waitFor wait for what the page will show; on a 2-core machine running the suites side by side a render
// can take longer than the library's 1 s. A ceiling, not a timing assertion: a passing test returns as soon as it sees.
// From the DOM library, not React's: importing React's here, before Jest's globals exist, would turn off its
// automatic cleanup between tests.
import { configure } from '@testing-library/dom';
configure({ asyncUtilTimeout: 10_000 });
