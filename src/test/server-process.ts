import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { keepOutput } from './child-output.js'

// The real server as a child process, for tests of what only a whole process shows: a crash
// and restart (issue 12), two app nodes on one database (issue 14).

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const READY_TIMEOUT_MS = 90_000

export interface RunningServer {
  child: ChildProcess
  output: string[]
}

/** The test's environment without settings that would change what the server does, plus `env`. */
export function serverEnv(
  port: number,
  dataDir: string,
  databaseUrl: string,
  env: NodeJS.ProcessEnv = {},
): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !['DATABASE_URL', 'REDIS_URL', 'NODE_ENV', 'PAYMENT_PROVIDER'].includes(name),
    ),
  )
  return {
    ...inherited,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'warn',
    ...env,
  }
}

/** Node itself (not a tsx wrapper), so SIGKILL lands on the server and nothing else. */
export async function startServer(env: NodeJS.ProcessEnv, address: string): Promise<RunningServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const output = keepOutput(child)
  const deadline = Date.now() + READY_TIMEOUT_MS
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited:\n${output.join('')}`)
    const ready = await fetch(`${address}/readyz`).then(
      (response) => response.ok,
      () => false,
    )
    if (ready) return { child, output }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  child.kill('SIGKILL')
  throw new Error(`the server was not ready within ${READY_TIMEOUT_MS} ms:\n${output.join('')}`)
}

export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => child.once('exit', () => resolve()))
}

export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const done = exited(child)
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
  await done
  clearTimeout(timer)
}
