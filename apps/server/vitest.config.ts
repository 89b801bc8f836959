import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Real servers on real databases: PGlite alone takes seconds to boot.
    testTimeout: 30_000,
    hookTimeout: 90_000,
  },
});
