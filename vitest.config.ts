import { defineConfig } from 'vitest/config';

// Tests run real PDFs through the whole pipeline and render HTML in Chromium: allow them time, and run files in
// separate processes so a worker pool in one test file cannot disturb another.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
  },
});
