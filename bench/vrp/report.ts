export interface InstanceResult {
  instance: string
  family: string
  mode: 'distance' | 'hierarchical'
  customers: number
  distance: number
  routes: number
  unassigned: number
  bksDistance: number | undefined
  bksVehicles: number | undefined
  gapPercent: number | undefined
  timeToBestS: number
  elapsedS: number
  iterations: number
  feasible: boolean
  violations: string[]
}

/** Per-family summary: average gap, average and max time, and for hierarchical runs vehicle matches. */
export function printResults(results: readonly InstanceResult[]): void {
  if (results.length === 0) return
  const groups = new Map<string, InstanceResult[]>()
  for (const r of results) {
    const key = `${r.mode} ${r.family}`
    groups.set(key, [...(groups.get(key) ?? []), r])
    const all = `${r.mode} ALL`
    groups.set(all, [...(groups.get(all) ?? []), r])
  }
  const lines = [
    '',
    'summary (gap vs BKS row of the same convention; time = wall time per instance)',
  ]
  for (const [key, group] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const gaps = group.flatMap((r) => (r.gapPercent === undefined ? [] : [r.gapPercent]))
    const average = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length)
    const times = group.map((r) => r.elapsedS)
    const feasible = group.filter((r) => r.feasible).length
    let text = `${key.padEnd(18)} n=${String(group.length).padStart(3)} avg gap ${gaps.length > 0 ? `${average(gaps).toFixed(2)}%` : 'n/a'}`
    text += ` avg time ${average(times).toFixed(2)} s (max ${Math.max(...times).toFixed(2)}) avg time-to-best ${average(group.map((r) => r.timeToBestS)).toFixed(2)} s`
    text += ` feasible ${feasible}/${group.length}`
    if (group[0]?.mode === 'hierarchical') {
      const matched = group.filter(
        (r) => r.bksVehicles !== undefined && r.routes <= r.bksVehicles,
      ).length
      const sameVehicles = group.filter(
        (r) => r.bksVehicles !== undefined && r.routes === r.bksVehicles,
      )
      const equalGaps = sameVehicles.flatMap((r) =>
        r.gapPercent === undefined ? [] : [r.gapPercent],
      )
      const equalGap = equalGaps.length === 0 ? 'n/a' : `${average(equalGaps).toFixed(2)}%`
      text += ` vehicles ≤ BKS ${matched}/${group.length}, distance gap at equal vehicles ${equalGap}`
    }
    lines.push(text)
  }
  process.stdout.write(`${lines.join('\n')}\n`)
}
