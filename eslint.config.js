import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The layers, as import rules (README "Architecture"): each part of the tree gets exactly one
 * `no-restricted-imports` block, so the blocks' file sets below do not overlap (a later block would replace an
 * earlier one's patterns). Paths are relative imports, so a rule that means "leaves this folder" is written
 * per folder depth: `depthBlocks` repeats a block for files 0..MAX_DEPTH folders deep.
 */
const MAX_DEPTH = 8;
const SOURCE = '{ts,tsx}';

/** Packages that do I/O or render: none of them belongs in the rules of the samverkan. */
const IO_PACKAGES = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'http',
  'https',
  'net',
  'crypto',
  'child_process',
  'express',
  'helmet',
  'better-sqlite3',
  'pino',
  'pdfkit',
  'jose',
  '@azure/*',
  '@microsoft/microsoft-graph-client',
  '@microsoft/teams*',
  '@microsoft/teams-js',
  'react',
  'react/*',
  'react-dom',
  'react-dom/*',
  '@fluentui/*',
  'playwright-core',
];

const noEmulator = {
  regex: '(^|/)infra/graph-emulator(/|$)',
  message: 'The app imports nothing from the local tenant; only scripts/ and tests/ start it.',
};

/** A relative import that enters a feature folder's own files instead of its index.ts. */
const intoFeatureFolder = (prefix) => ({
  regex: `^${prefix}[^./][^/]*/.+`,
  message: 'Import the feature folder itself (its index.ts is its public face), not one of its files.',
});

const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

/** A block per folder depth under `root`; `patternsAt(depth)` gets the number of `../` that leave the repo's top folder. */
const depthBlocks = (root, patternsAt) =>
  Array.from({ length: MAX_DEPTH + 1 }, (_, depth) => ({
    files: [`${root}/${'*/'.repeat(depth)}*.${SOURCE}`],
    rules: restrict(...patternsAt(depth + root.split('/').length)),
  }));

const layers = [
  {
    files: [`src/domain/**/*.${SOURCE}`],
    rules: restrict(
      { group: IO_PACKAGES, message: 'src/domain is the pure rules of the samverkan: no I/O, no Graph, no React.' },
      { regex: '^\\.\\./', message: 'src/domain imports only itself.' },
    ),
  },
  {
    files: [`src/contract/**/*.${SOURCE}`],
    rules: restrict({
      regex: '^(?!zod$|\\.\\./domain(/[\\w.-]+)*$|\\./[\\w.-]+$).*',
      message: 'src/contract imports only zod and src/domain: the tab imports it.',
    }),
  },
  ...depthBlocks('src/tab', (up) => [
    { regex: `^(\\.\\./){${up}}(api|infra)(/|$)`, message: 'The tab talks to api/ only over HTTP.' },
    { group: ['node:*', 'fs', 'express', 'better-sqlite3'], message: 'The tab runs in the browser.' },
  ]),
  {
    files: [`api/services/*.${SOURCE}`],
    rules: restrict(
      intoFeatureFolder('\\./'),
      { regex: '^\\.\\./(http|routes|bot)(/|$)', message: 'Services know neither HTTP nor the bot.' },
      noEmulator,
    ),
  },
  {
    files: [`api/services/*/**/*.${SOURCE}`],
    rules: restrict(
      intoFeatureFolder('\\.\\./'),
      { regex: '^(\\.\\./)+(http|routes|bot)(/|$)', message: 'Services know neither HTTP nor the bot.' },
      noEmulator,
    ),
  },
  {
    files: [`api/graph/**/*.${SOURCE}`],
    rules: restrict(
      {
        regex: '^(\\.\\./)+(auth|services|routes|bot|http|composition)(/|$)',
        message: 'api/graph knows Graph only; wiring it to tokens is composition/.',
      },
      noEmulator,
    ),
  },
  {
    files: [`api/**/*.${SOURCE}`],
    ignores: ['api/services/**', 'api/graph/**'],
    rules: restrict(intoFeatureFolder('(\\.\\./|\\./)+services/'), noEmulator),
  },
  ...depthBlocks('infra/graph-emulator', (up) => [
    {
      regex: `^(\\.\\./){${up}}(api|src|scripts|tests)(/|$)`,
      message: 'The local tenant is a separate system: it imports nothing from the app.',
    },
  ]),
  {
    files: [`tests/**/*.${SOURCE}`, `scripts/**/*.${SOURCE}`],
    rules: restrict(intoFeatureFolder('(\\.\\./)+api/services/')),
  },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'coverage',
      '.data',
      '.tmp',
      'test-artifacts',
      'bench-results',
      'appPackage/build',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        Buffer: 'readonly',
        fetch: 'readonly',
        window: 'readonly',
        document: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['scripts/**', 'tests/**', 'infra/graph-emulator/src/cli.ts'],
    rules: { 'no-console': 'off' },
  },
  ...layers,
);
