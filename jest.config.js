/** @type {import('jest').Config} */
const transform = {
  '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022', transform: { react: { runtime: 'automatic' } } } }],
};
// zod's per-locale files are ESM only; let swc turn them into CommonJS like our own code.
const common = { transform, transformIgnorePatterns: ['/node_modules/(?!zod/)'], testEnvironment: 'node', moduleFileExtensions: ['ts', 'tsx', 'js', 'json'] };

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    { ...common, displayName: 'store', testMatch: ['<rootDir>/tests/store/**/*.test.ts'] },
    { ...common, displayName: 'functions', testMatch: ['<rootDir>/tests/functions/**/*.test.ts'] },
    { ...common, displayName: 'build', testMatch: ['<rootDir>/tests/build/**/*.test.ts'] },
    // The shipped dist/weapp, run with WeChat's compilers and component framework (tests/support/weapp).
    { ...common, displayName: 'weapp', testMatch: ['<rootDir>/tests/weapp/**/*.test.ts'], setupFilesAfterEnv: ['<rootDir>/tests/support/weapp/setup.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'], setupFilesAfterEnv: ['<rootDir>/tests/support/accessibility-setup.ts'] },
  ],
};
