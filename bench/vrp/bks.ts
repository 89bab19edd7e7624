import { toLines } from './instance.js'

export interface BksRow {
  instance: string
  distance: number
  vehicles: number
  convention: string
  objective: string
}

/** Reads a BKS table in the format of ../shared/bench/vrp/bks.csv (header row names the columns). */
export function parseBks(text: string): BksRow[] {
  const [header, ...rows] = toLines(text)
  const columns = (header ?? '').split(',').map((c) => c.trim())
  const at = (fields: string[], name: string): string => fields[columns.indexOf(name)] ?? ''
  return rows.map((line) => {
    const fields = splitCsv(line)
    return {
      instance: at(fields, 'instance'),
      distance: Number(at(fields, 'bks_distance')),
      vehicles: Number(at(fields, 'bks_vehicles')),
      convention: at(fields, 'distance_convention'),
      objective: at(fields, 'objective'),
    }
  })
}

/** The row for an instance under a convention and objective, matched case-insensitively. */
export function findBks(
  rows: readonly BksRow[],
  instance: string,
  convention: string,
  objectives: readonly string[],
): BksRow | undefined {
  const name = instance.toLowerCase()
  return rows.find(
    (r) =>
      r.instance.toLowerCase() === name &&
      r.convention === convention &&
      objectives.includes(r.objective),
  )
}

function splitCsv(line: string): string[] {
  const fields: string[] = []
  let current = ''
  let quoted = false
  for (const ch of line) {
    if (ch === '"') quoted = !quoted
    else if (ch === ',' && !quoted) {
      fields.push(current.trim())
      current = ''
    } else current += ch
  }
  fields.push(current.trim())
  return fields
}
