import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // Unit tests first, then the browser files (their worker counts differ, so each needs its own group).
          sequence: { groupOrder: 0 },
          include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
          exclude: ['tests/e2e/**'],
          // Property tests play hundreds of games; on a busy shared machine 5 s is not enough.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          sequence: { groupOrder: 1 },
          include: ['tests/e2e/**/*.test.ts'],
          // The game is built once and served by `vite preview` for the whole run (its address: inject('gameUrl')).
          globalSetup: ['tests/e2e/globalSetup.ts'],
          // One Chromium per worker, shared by the files it runs: the harness keeps it in a module that
          // must outlive a file. Every test still gets its own browser context (storage, pages, clock).
          isolate: false,
          // Independent files, two at a time: the machine has two cores.
          fileParallelism: true,
          maxWorkers: 2,
          // Whole games in a browser on a shared machine: slow by unit-test standards.
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
