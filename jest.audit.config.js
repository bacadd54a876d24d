// Issue #13's request-log test: runs after the jest projects (jest.config.js) have written the permission audit
// (GRAPH_PERMISSION_AUDIT), so it sees every Graph request of the whole run.
export default {
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest'] },
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'json'],
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/audit/**/*.test.ts'],
};
