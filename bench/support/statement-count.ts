import type { LogEvent } from 'kysely'

// Counts the statements Kysely runs (through createDb's `log` option) while a benchmark measures,
// so a report can say how many statements, transactions and round trips one request costs
// (issue 14). On PostgreSQL every statement, `begin` and `commit` included, is one round trip to
// the server; on SQLite none leaves the process, but each still runs under the single writer.

export interface StatementCount {
  /** Give this to createDb as `log`. */
  log: (event: LogEvent) => void
  start: () => void
  stop: () => void
  statements: () => number
  transactions: () => number
  /** Statements by shape (`insert order_line`, `select session`, …), most frequent first. */
  byShape: () => [string, number][]
}

export function countStatements(): StatementCount {
  let counting = false
  const shapes = new Map<string, number>()
  return {
    log(event) {
      if (!counting) return
      const shape = shapeOf(event.query.sql)
      shapes.set(shape, (shapes.get(shape) ?? 0) + 1)
    },
    start: () => (counting = true),
    stop: () => (counting = false),
    statements: () => [...shapes.values()].reduce((sum, n) => sum + n, 0),
    transactions: () => shapes.get('begin') ?? 0,
    byShape: () => [...shapes].sort((a, b) => b[1] - a[1]),
  }
}

/** The verb and the first table a statement names: enough to tell a checkout's statements apart. */
function shapeOf(sql: string): string {
  const text = sql.trim().toLowerCase()
  const verb = /^(\w+)/.exec(text)?.[1] ?? text
  const table = /(?:from|into|update)\s+"?(\w+)"?/.exec(text)?.[1]
  return table ? `${verb} ${table}` : verb
}
