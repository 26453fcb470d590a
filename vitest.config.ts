import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{errors,rules,forms,engine,processes,server,designer,bench}/test/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
    globalSetup: ['./engine/test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
