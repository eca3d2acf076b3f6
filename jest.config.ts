/** @jest-config-loader-options {"transpileOnly": true} */
import type { Config } from 'jest';
import { createCjsPreset } from 'jest-preset-angular/presets';

/** Angular specs run in jsdom through jest-preset-angular, against the library's sources. */
const angularPreset = createCjsPreset({ tsconfig: '<rootDir>/tsconfig.spec.json' });

/** The library is imported by its package name; specs resolve it to its sources. */
const libraryModuleMap = {
  '^ngx-stream-chat$': '<rootDir>/projects/ngx-stream-chat/src/public-api.ts',
  '^ngx-stream-chat/testing$': '<rootDir>/projects/ngx-stream-chat/testing/src/public-api.ts',
  '^isomorphic-ws$': '<rootDir>/jest/isomorphic-ws.js',
  '^form-data$': '<rootDir>/jest/form-data.js',
};

const shared = {
  rootDir: __dirname,
  modulePathIgnorePatterns: [
    '<rootDir>/dist/',
    '<rootDir>/.angular/',
    '<rootDir>/projects/stream-chat-emulator/dist/',
  ],
};

const config: Config = {
  // A global option: Jest ignores it inside projects. Integration specs talk to a real server
  // on a shared 2-core machine, so they get room; unit specs finish far below it anyway.
  testTimeout: 30_000,
  projects: [
    {
      ...angularPreset,
      ...shared,
      displayName: 'library',
      roots: ['<rootDir>/projects/ngx-stream-chat'],
      testMatch: ['**/*.spec.ts'],
      testPathIgnorePatterns: [
        '\\.integration\\.spec\\.ts$',
        '<rootDir>/projects/ngx-stream-chat/schematics/',
      ],
      setupFilesAfterEnv: ['<rootDir>/jest/setup-zoneless.ts'],
      moduleNameMapper: libraryModuleMap,
    },
    {
      ...angularPreset,
      ...shared,
      displayName: 'library-integration',
      roots: ['<rootDir>/projects/ngx-stream-chat'],
      testMatch: ['**/*.integration.spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/jest/setup-zoneless.ts'],
      moduleNameMapper: libraryModuleMap,
      globalSetup: '<rootDir>/jest/emulator-global-setup.ts',
      globalTeardown: '<rootDir>/jest/emulator-global-teardown.ts',
    },
    {
      ...angularPreset,
      ...shared,
      displayName: 'library-integration-zone.js',
      roots: ['<rootDir>/projects/ngx-stream-chat'],
      // Rendering specs, the specs of every slice and of ChatClientService's parts (client/): each
      // runs in both change-detection worlds.
      testMatch: [
        '**/*.rendering.integration.spec.ts',
        '**/lib/core/**/*.integration.spec.ts',
        '**/lib/features/**/*.integration.spec.ts',
        '**/lib/client/**/*.integration.spec.ts',
      ],
      setupFilesAfterEnv: ['<rootDir>/jest/setup-zone.ts'],
      moduleNameMapper: libraryModuleMap,
      globalSetup: '<rootDir>/jest/emulator-global-setup.ts',
      globalTeardown: '<rootDir>/jest/emulator-global-teardown.ts',
    },
    {
      ...angularPreset,
      ...shared,
      displayName: 'demo',
      roots: ['<rootDir>/src'],
      testMatch: ['**/*.spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/jest/setup-zoneless.ts'],
      moduleNameMapper: libraryModuleMap,
    },
    {
      ...shared,
      displayName: 'schematics',
      testEnvironment: 'node',
      roots: ['<rootDir>/projects/ngx-stream-chat/schematics'],
      testMatch: ['**/*.spec.ts'],
      moduleNameMapper: { '^ora$': '<rootDir>/jest/ora-unused.js' },
      transform: {
        '^.+\\.ts$': [
          'ts-jest',
          { tsconfig: '<rootDir>/projects/ngx-stream-chat/schematics/tsconfig.spec.json' },
        ],
      },
    },
    {
      ...shared,
      displayName: 'emulator',
      testEnvironment: 'node',
      roots: ['<rootDir>/projects/stream-chat-emulator'],
      testMatch: ['**/*.spec.ts'],
      // The workspace uses the emulator from its sources; its package.json points at dist/.
      moduleNameMapper: {
        '^stream-chat-emulator$': '<rootDir>/projects/stream-chat-emulator/src/index.ts',
      },
      transform: {
        '^.+\\.ts$': [
          'ts-jest',
          { tsconfig: '<rootDir>/projects/stream-chat-emulator/tsconfig.spec.json' },
        ],
      },
    },
    {
      ...shared,
      displayName: 'tools',
      testEnvironment: 'node',
      roots: ['<rootDir>/tools'],
      testMatch: ['**/*.spec.ts'],
      transform: {
        '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tools/tsconfig.spec.json' }],
      },
    },
  ],
};

export default config;
