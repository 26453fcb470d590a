import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{errors,rules,forms,engine,processes,server,designer,bench}/test/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
    globalSetup: ['./engine/test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // expect.poll waits for a page or a server under the load of the whole suite on two cores (its
    // default, 1 s, failed browser tests whose page took longer to render the first list)
    expect: { poll: { timeout: 15_000 } },
  },
});
