/** Tests run TypeScript through swc (fast, no type check); `npm run typecheck` checks the types. */
module.exports = {
  testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/test/**/*.test.tsx'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { transform: { react: { runtime: 'automatic' } } } }] },
  // office-addin-mock pulls in two ESM-only packages.
  transformIgnorePatterns: ['/node_modules/(?!(.*/node_modules/)?(strip-bom|uuid|opencc-js)/)'],
  // Lazy `import('./x.js')` of a TypeScript module (the extension Node's ESM loader needs).
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testEnvironment: 'node',
  testTimeout: 60000,
  // Test files run in a worker that is replaced once it holds more than this after a file: run in
  // jest's own process (its choice on two cores) the suite outgrew Node's 4 GB heap.
  workerIdleMemoryLimit: '1GB',
};
