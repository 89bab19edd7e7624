import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { TestProject } from 'vitest/node'
import { findFreePort } from '../../src/test/free-port.js'
import { keepOutput } from '../../src/test/child-output.js'

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string
    /** The server's DATA_DIR: its SQLite file, for what only the database knows (a texted code). */
    dataDir: string
  }
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const READY_TIMEOUT_MS = 60_000
const STOP_TIMEOUT_MS = 10_000

/** Starts the real server on a free port with a fresh data directory, and stops it afterwards. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(path.join(ROOT, 'web/dist/index.html'))) {
    throw new Error('web/dist is missing: run `npm run build:web` before the e2e tests')
  }
  const port = await findFreePort()
  const dataDir = await mkdtemp(path.join(tmpdir(), 'cuntong-e2e-'))
  const server = startServer(port, dataDir)
  const baseURL = `http://127.0.0.1:${port}`
  try {
    await waitForReady(baseURL, server)
  } catch (error) {
    await stopServer(server)
    await rm(dataDir, { recursive: true, force: true })
    throw error
  }
  project.provide('baseURL', baseURL)
  project.provide('dataDir', dataDir)
  return async () => {
    await stopServer(server.child)
    await rm(dataDir, { recursive: true, force: true })
  }
}

interface RunningServer {
  child: ChildProcess
  output: string[]
}

function startServer(port: number, dataDir: string): RunningServer {
  // Inherited database, Redis or production settings would point the server away from the
  // fresh SQLite file (or make its cookies https-only), so they are dropped.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !['DATABASE_URL', 'REDIS_URL', 'NODE_ENV'].includes(name),
    ),
  )
  const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['src/server/main.ts'], {
    cwd: ROOT,
    // HOST keeps the test server off the network.
    // Every journey's villagers come from 127.0.0.1: past the free codes each one solves the
    // challenge, and the per-address hourly cap is raised so the whole suite fits in it.
    env: {
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      SMS_LOGIN_CODES_PER_ADDRESS_HOURLY: '1000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so stopping it also stops the node process tsx starts
  })
  const output = keepOutput(child)
  return { child, output }
}

async function waitForReady(baseURL: string, server: RunningServer): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) {
      throw new Error(`the server exited with ${server.child.exitCode}:\n${server.output.join('')}`)
    }
    try {
      if ((await fetch(`${baseURL}/readyz`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(
    `the server was not ready within ${READY_TIMEOUT_MS} ms:\n${server.output.join('')}`,
  )
}

async function stopServer(server: RunningServer | ChildProcess): Promise<void> {
  const child = 'child' in server ? server.child : server
  if (child.exitCode !== null || child.pid === undefined) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  process.kill(-child.pid, 'SIGTERM')
  const timer = setTimeout(() => {
    if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGKILL')
  }, STOP_TIMEOUT_MS)
  await exited
  clearTimeout(timer)
}
