// Lint enforces the dependency directions of docs/architecture.md, so reviews don't have to.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import importX, { createNodeResolver } from 'eslint-plugin-import-x'
import boundaries from './eslint-rules/index-only-imports.js'

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'data',
      'web/dist',
      'e2e/artifacts',
      'bench/results',
      '*.config.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    // The node resolver understands packages that only declare "exports" (vite, plugin-react).
    settings: { 'import-x/resolver-next': [createNodeResolver()] },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      // Fastify plugins are async functions by contract, awaited or not.
      '@typescript-eslint/require-await': 'off',
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src/routing',
              from: './src',
              except: ['./routing'],
              message: 'routing/ is a standalone library',
            },
            {
              target: ['./src/modules', './src/platform', './src/db', './src/shared'],
              from: './src/server',
              message: 'nothing imports server/',
            },
            {
              target: ['./src/platform', './src/shared'],
              from: './src/modules',
              message: 'the platform never depends on business modules',
            },
            {
              target: './src/shared',
              from: ['./src/db', './src/platform'],
              message: 'shared/ depends on nothing',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.ts', 'e2e/**/*.ts', 'bench/**/*.ts'],
    plugins: { boundaries },
    rules: { 'boundaries/index-only-imports': 'error' },
  },
  {
    files: ['web/src/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src/**'],
              allowTypeImports: true,
              message: 'web shares types with the API, never code',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: 'readonly', console: 'readonly' },
    },
  },
  {
    files: ['**/*.test.ts', 'e2e/**', 'bench/**', 'scripts/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
)
