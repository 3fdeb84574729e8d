import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{bot,ingest,knowledge,eval}/**/*.test.ts'],
    testTimeout: 20_000,
    pool: 'forks',
  },
});
