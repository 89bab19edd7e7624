import os from 'node:os'

/** The line a benchmark prints first: when, on what, under what load (tables cite it). */
export function runHeader(): string {
  const load = os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')
  return `run ${new Date().toISOString()} · ${os.cpus().length}× ${os.cpus()[0]?.model ?? 'cpu'} · node ${process.version} · load average ${load}`
}
