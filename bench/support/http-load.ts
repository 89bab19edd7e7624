import pg from 'pg'

// What the HTTP benchmarks share: signing clients in over the API, driving a fixed number of
// requests with a fixed number in flight, reporting rates and percentiles, and a throw-away
// PostgreSQL database per run.

/** A signed-in client: the session cookie and the CSRF token that mutations send back. */
export interface Session {
  cookie: string
  csrfToken: string
}

export interface LoadResult {
  ok: number
  failed: number
  perSecond: number
  p50: number
  p95: number
  p99: number
  /** Latency of the requests that succeeded (for admissions: the ones that got a hold). */
  okP50: number
  okP99: number
}

/** Runs `total` requests with `concurrency` in flight; latencies in ms. */
export async function load(
  total: number,
  concurrency: number,
  request: (i: number) => Promise<boolean>,
): Promise<LoadResult> {
  const latencies: number[] = []
  const okLatencies: number[] = []
  let next = 0
  let ok = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++
        const t0 = performance.now()
        const succeeded = await request(i)
        latencies.push(performance.now() - t0)
        if (succeeded) {
          ok += 1
          okLatencies.push(performance.now() - t0)
        }
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  return {
    ok,
    failed: total - ok,
    perSecond: total / seconds,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    okP50: percentile(okLatencies, 0.5),
    okP99: percentile(okLatencies, 0.99),
  }
}

/** The q-quantile of a list of latencies (sorts the list in place); 0 when empty. */
export const percentile = (list: number[], q: number): number =>
  list.sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor(q * list.length))] ?? 0

/** One line of the report; `otherLabel` names what the requests that did not succeed were. */
export const resultRow = (name: string, r: LoadResult, otherLabel = 'failed') =>
  `${name.padEnd(24)} ${r.perSecond.toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms  (${r.ok} ok, ${r.failed} ${otherLabel})`

const sessionOf = async (response: Response): Promise<Session> => ({
  cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
  csrfToken: ((await response.json()) as { csrfToken: string }).csrfToken,
})

const postJson = (url: string, body: object, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })

/**
 * Every benchmark buyer signs in from 127.0.0.1, which the sign-in code limits (issue 12) would
 * stop after three codes; a benchmark measures the route it names, not that guard.
 */
export const BENCH_LOGIN_CODE_LIMITS = {
  freePerAddressHourly: 1_000_000,
  perAddressHourly: 1_000_000,
  hourly: 1_000_000,
  alertFloor: 1_000_000,
}

/**
 * A consumer signed in with the texted code, which the local SMS stand-in reveals; `headers`
 * e.g. X-Forwarded-For behind a trusted proxy.
 */
export async function signInShopper(
  address: string,
  phone: string,
  headers: Record<string, string> = {},
): Promise<Session> {
  const answer = await postJson(`${address}/api/commerce/shop/auth/code`, { phone }, headers)
  const sent = (await answer.json()) as { localCode?: string }
  if (!answer.ok || sent.localCode === undefined)
    throw new Error(`sign-in code for ${phone}: ${answer.status} ${JSON.stringify(sent)}`)
  return sessionOf(
    await postJson(
      `${address}/api/commerce/shop/auth/login`,
      { phone, code: sent.localCode },
      headers,
    ),
  )
}

/** A staff member signed in with username and password. */
export async function logInStaff(
  address: string,
  username: string,
  password: string,
): Promise<Session> {
  return sessionOf(await postJson(`${address}/api/auth/login`, { username, password }))
}

/** A fresh PostgreSQL database for one run, dropped afterwards. */
export async function freshPostgres(
  adminUrl: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `cuntong_bench_${Date.now()}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`create database ${name}`)
  await admin.end()
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async drop() {
      // pg's pool.end() answers before its sockets have closed; dropping the database (with
      // force) under them would kill them and crash the process.
      await new Promise((resolve) => setTimeout(resolve, 500))
      const client = new pg.Client({ connectionString: adminUrl })
      await client.connect()
      await client.query(`drop database if exists ${name} with (force)`)
      await client.end()
    },
  }
}
