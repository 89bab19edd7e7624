import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// Browser journeys against the real server and the built console (run `npm run build:web` first).
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/support/global-setup.ts'],
    testTimeout: 45_000,
    hookTimeout: 90_000,
    // Files share one server; each test uses its own browser context, so files can run side by side.
    // Two at a time: each file runs a Chromium, and the server needs CPU too (scrypt on every login).
    maxWorkers: 2,
    maxConcurrency: 3, // concurrent tests per file; more only queue for the same two CPUs
    allowOnly: !process.env.CI, // a stray .only must not silently skip the rest on CI
    retry: process.env.CI ? 1 : 0,
  },
})
