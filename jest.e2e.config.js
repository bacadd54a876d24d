// Browser tests: Debian's Chromium driven by playwright-core against the whole stack on random ports.
export default {
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest'] },
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'json'],
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
  globalSetup: '<rootDir>/tests/e2e/globalSetup.mjs',
  // A ceiling for a whole journey (21 pages with axe) on a loaded 2-core machine, not a timing assertion.
  testTimeout: 300000,
  maxWorkers: 1,
};
