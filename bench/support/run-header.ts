import { cpus, loadavg } from 'node:os'

// Every benchmark prints where and when it ran, so a table in docs/ can say which run it came
// from and how loaded the machine was (issue 14).

/** One line: UTC date, load average (1, 5, 15 min), CPU model and count, Node version. */
export function runHeader(now = new Date()): string {
  const [one = 0, five = 0, fifteen = 0] = loadavg()
  const processors = cpus()
  const model = processors[0]?.model.trim() ?? 'unknown CPU'
  return (
    `run ${now.toISOString().slice(0, 19)}Z, load average ${one.toFixed(2)} ${five.toFixed(2)} ${fifteen.toFixed(2)}, ` +
    `${processors.length} × ${model}, node ${process.version}`
  )
}
