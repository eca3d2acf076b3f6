// @ts-check
const eslint = require('@eslint/js');
const tseslint = require('typescript-eslint');
const angular = require('angular-eslint');

module.exports = tseslint.config(
  {
    ignores: [
      'dist/',
      'projects/stream-chat-emulator/dist/',
      'out-tsc/',
      '.angular/',
      'node_modules/',
      'coverage/',
      'e2e/artifacts/',
      // Consumer apps with their own tsconfig, dependencies and tools (npm run consumers).
      'consumers/fixtures/',
    ],
  },
  {
    files: ['**/*.ts'],
    extends: [
      eslint.configs.recommended,
      ...tseslint.configs.recommended,
      ...angular.configs.tsRecommended,
    ],
    processor: angular.processInlineTemplates,
    languageOptions: {
      parserOptions: {
        // Type information for the rules that need it: one program built from
        // tsconfig.spec.json, which includes every TypeScript file of the workspace (a new
        // top-level folder of .ts files must be added to its `include`). One program lints
        // the workspace in about half the time and memory of `projectService: true`.
        project: ['./tsconfig.spec.json'],
        tsconfigRootDir: __dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          // node:test's describe/it/test return a promise for its own runner, which reports
          // a failing test itself (the promise never rejects); nothing may await them at the
          // top of a test file.
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite'] },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      '@angular-eslint/directive-selector': [
        'error',
        { type: 'attribute', prefix: 'demo', style: 'camelCase' },
      ],
      '@angular-eslint/component-selector': [
        'error',
        { type: 'element', prefix: ['demo', 'app'], style: 'kebab-case' },
      ],
    },
  },
  {
    // The demo's code never imports the library's test doubles; its specs and their helpers do.
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.spec.ts', 'src/app/testing/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'ngx-stream-chat/testing',
              message: 'Test doubles belong in specs and src/app/testing, not in the app.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['projects/ngx-stream-chat/**/*.ts'],
    rules: {
      '@angular-eslint/directive-selector': [
        'error',
        { type: 'attribute', prefix: 'stream', style: 'camelCase' },
      ],
      '@angular-eslint/component-selector': [
        'error',
        { type: 'element', prefix: 'stream', style: 'kebab-case' },
      ],
    },
  },
  {
    files: ['**/*.html'],
    extends: [...angular.configs.templateRecommended, ...angular.configs.templateAccessibility],
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
        console: 'readonly',
        globalThis: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
