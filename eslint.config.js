// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;

/**
 * The layers of src/, lowest first: a folder may import its own layer and the ones below it.
 * Admin modules may import each other; no-cycle keeps those imports one way at the file level.
 * `health` sits with the admin API: `/metrics` may be behind an admin key.
 */
const platform = ['config', 'common', 'database'];
const stores = ['stores'];
const engine = ['oidc'];
const admin = [
  'tenancy',
  'keys',
  'key-encryption',
  'clients',
  'accounts',
  'connections',
  'sessions',
  'audit',
  'admin-keys',
  'tenant-transfer',
  'provider-check',
  'health',
  'discovery',
  'oidc-docs',
  'demo',
];

/** Files of a layer, as no-restricted-paths targets. */
const filesOf = (folders) => folders.map((folder) => `./src/${folder}/**`);

/**
 * One zone per layer: its files may import from src/ only what the layer and the ones below it
 * hold. Listing what is allowed (not what is forbidden) also catches a folder that no layer names.
 */
const layer = (name, folders, allowed) => ({
  target: filesOf(folders),
  from: './src',
  except: allowed.map((folder) => `./${folder}`),
  message: `The ${name} layer imports only from ${allowed.map((folder) => `src/${folder}`).join(', ')} (see eslint.config.js).`,
});

export default defineConfig(
  {
    ignores: ['dist/', 'data/', 'coverage/', 'test-artifacts/', 'node_modules/', 'openapi/', '.bench/'],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: { allowDefaultProject: ['eslint.config.js'] }, tsconfigRootDir: root } },
  },
  // This file is plain JavaScript and its plugins ship no types: type-aware rules would only see `any`.
  { files: ['**/*.js'], extends: [tseslint.configs.disableTypeChecked] },
  {
    plugins: { 'import-x': importX },
    settings: {
      // Without .ts here import-x skips every source file when it follows imports, and no-cycle sees nothing.
      'import-x/extensions': ['.ts', '.js'],
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: `${root}/tsconfig.json` })],
    },
    rules: {
      // `_name` marks what is left out on purpose, mostly keys dropped before a `...rest`.
      // oidc-provider's hooks are async by contract (it awaits whatever they return), with or without an await inside.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // The build output is never a source: import the .ts module instead.
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(\\.\\.?/)+dist(/|$)', message: 'Import the source under src/, never the build in dist/.' }] },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.db-spec.ts'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: root,
          zones: [
            layer('platform', platform, platform),
            layer('stores', stores, [...platform, ...stores]),
            layer('engine', engine, [...platform, ...stores, ...engine]),
            {
              target: filesOf(admin),
              from: ['./src/app.module.ts', './src/app.ts', './src/main.ts', './src/openapi.ts'],
              message: 'An admin module never imports the entry points (app.module.ts, app.ts, main.ts, openapi.ts).',
            },
          ],
        },
      ],
      // Value imports only (type-only ones are erased at build). Ten hops cost ~1.5 s of the run.
      'import-x/no-cycle': ['error', { maxDepth: 10, ignoreExternal: true }],
    },
  },
  {
    // Tests and benches read JSON answers, which are untyped by nature; asserting each shape is the tests' own business.
    files: ['test/**/*.ts', 'bench/**/*.ts', 'src/**/*.spec.ts', 'src/**/*.db-spec.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  prettier,
);
