import { toLines, type BenchInstance } from './instance.js'

/** Parses a CVRPLIB/TSPLIB CVRP file with coordinates (header `KEY : value`, any spacing). */
export function parseVrplib(text: string, fallbackName: string): BenchInstance {
  const lines = toLines(text)
  const header = new Map<string, string>()
  const coords = new Map<number, [number, number]>()
  const demands = new Map<number, number>()
  const depots: number[] = []
  let section = ''
  for (const line of lines) {
    const keyValue = /^([A-Za-z_]+)\s*:\s*(.*)$/.exec(line)
    if (keyValue) {
      header.set(
        (keyValue[1] as string).toUpperCase(),
        (keyValue[2] as string).trim().replace(/^"|"$/g, ''),
      )
      continue
    }
    const word = line.toUpperCase()
    if (/^[A-Z_]+$/.test(word)) {
      section = word
      if (section === 'EOF') break
      continue
    }
    const fields = line.split(/\s+/).map(Number)
    if (section === 'NODE_COORD_SECTION' && fields.length >= 3)
      coords.set(fields[0] as number, [fields[1] as number, fields[2] as number])
    else if (section === 'DEMAND_SECTION' && fields.length >= 2)
      demands.set(fields[0] as number, fields[1] as number)
    else if (section === 'DEPOT_SECTION') for (const f of fields) if (f > 0) depots.push(f)
  }
  const capacity = Number(header.get('CAPACITY'))
  if (!Number.isFinite(capacity)) throw new Error(`${fallbackName}: no CAPACITY`)
  if (coords.size === 0)
    throw new Error(`${fallbackName}: only instances with NODE_COORD_SECTION are supported`)
  const depot = depots[0] ?? Math.min(...coords.keys())
  const ids = [depot, ...[...coords.keys()].filter((id) => id !== depot).sort((a, b) => a - b)]
  const name = header.get('NAME') ?? fallbackName
  return {
    name,
    format: 'vrplib',
    family: name.split('-')[0] ?? 'vrplib',
    x: ids.map((id) => (coords.get(id) as [number, number])[0]),
    y: ids.map((id) => (coords.get(id) as [number, number])[1]),
    demand: ids.map((id) => demands.get(id) ?? 0),
    capacity,
    vehicleLimit: Infinity,
    edgeWeightType: (header.get('EDGE_WEIGHT_TYPE') ?? 'EUC_2D').toUpperCase(),
  }
}
