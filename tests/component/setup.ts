// teams-js calls fetch on import; in jsdom there is no network, so fail fast instead of killing the process.
globalThis.fetch = (() => Promise.reject(new Error('no network in component tests'))) as typeof fetch;
