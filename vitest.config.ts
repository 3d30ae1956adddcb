import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 20_000,
    // Vitest's default is one worker fewer than the processors: one, on the 2-core CI machine.
    // Two take a third off the suite there (671 -> 437 s, every test passing in both).
    maxWorkers: 2,
  },
})
