import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'server',
          // apps/web's tests need no DOM (the i18n files' coverage reads JSON), so they run here.
          include: ['apps/server/**/*.test.ts', 'packages/**/*.test.ts', 'apps/web/**/*.test.ts'],
          globalSetup: ['apps/server/test/global-setup.ts'],
          setupFiles: ['apps/server/test/setup.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
          // One module graph per worker, not per file: importing the whole app for each of ~140 files
          // cost about 7 of the suite's 11 minutes. Test files share no state but the modules' own
          // (each builds its own app on its own database), so nothing leaks between them.
          isolate: false,
          // Vitest's default is one worker per CPU minus one: a single worker on this 2-core machine.
          maxWorkers: 2,
        },
      },
      {
        // Issue 7: the access-control matrix, the fuzzer, hostile content, uploads, redirects
        // (npm run test:security). Through HTTP against a real database, like the server suite.
        test: {
          name: 'security',
          include: ['security/**/*.test.ts'],
          globalSetup: ['apps/server/test/global-setup.ts'],
          setupFiles: ['apps/server/test/setup.ts'],
          environment: 'node',
          testTimeout: 300_000,
          hookTimeout: 120_000,
          pool: 'forks',
          isolate: false,
          maxWorkers: 2,
        },
      },
      {
        // Issue 7: faults injected into real processes (kill -9, lost connections, Redis and SMTP
        // down, SIGTERM, overload): npm run test:chaos. One file at a time, as each owns its servers.
        test: {
          name: 'chaos',
          include: ['chaos/**/*.test.ts'],
          environment: 'node',
          testTimeout: 300_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['e2e/support/global-setup.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
