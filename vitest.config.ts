import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{bot,ingest,knowledge,eval}/**/*.test.ts'],
    testTimeout: 20_000,
    // Suites that ingest the whole shipped knowledge base in beforeAll take a few seconds alone,
    // longer when the two cores are shared.
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
