// Three projects: pure unit tests, integration tests that start the local tenant and the server over HTTP,
// and component tests for the tab in jsdom. Browser tests live in jest.e2e.config.js.
const transform = { '^.+\\.(t|j)sx?$': ['@swc/jest'] };
const common = {
  transform,
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'json'],
};

export default {
  // Integration tests start a tenant and a server; hooks need more than jest's 5 s default.
  testTimeout: 60000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/unit/**/*.test.ts', '<rootDir>/tests/contract/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testEnvironment: 'node',
      testMatch: [
        '<rootDir>/tests/integration/**/*.test.ts',
        '<rootDir>/tests/bot/**/*.test.ts',
        '<rootDir>/infra/graph-emulator/tests/**/*.test.ts',
      ],
    },
    {
      ...common,
      // Forged tokens, escalations, injections and bounds against the real server and the local tenant.
      displayName: 'security',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/security/**/*.test.ts'],
    },
    {
      ...common,
      // Exactly once (issue #15): double submits, races, lost answers and timeouts against the local tenant.
      displayName: 'reliability',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/reliability/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'component',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/tests/component/**/*.test.tsx'],
      setupFiles: ['<rootDir>/tests/component/setup.ts'],
    },
  ],
  collectCoverageFrom: ['src/domain/**/*.ts'],
  coverageReporters: ['text-summary', 'json-summary'],
  coverageThreshold: { './src/domain/': { lines: 90 } },
};
