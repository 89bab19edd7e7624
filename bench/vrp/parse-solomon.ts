import { toLines, type BenchInstance } from './instance.js'

/** Parses a Solomon VRPTW text file (any spacing, CRLF, lower-case file names). */
export function parseSolomon(text: string, fallbackName: string): BenchInstance {
  const lines = toLines(text)
  const name = lines[0] ?? fallbackName
  const upper = lines.map((line) => line.toUpperCase())
  const vehicleHeader = upper.findIndex((line) => line.startsWith('NUMBER'))
  const fleet = (lines[vehicleHeader + 1] ?? '').split(/\s+/).map(Number)
  const [vehicleLimit, capacity] = fleet
  if (
    vehicleHeader < 0 ||
    vehicleLimit === undefined ||
    capacity === undefined ||
    Number.isNaN(capacity)
  ) {
    throw new Error(`${fallbackName}: no VEHICLE NUMBER/CAPACITY line`)
  }
  const customerHeader = upper.findIndex((line) => line.startsWith('CUST'))
  if (customerHeader < 0) throw new Error(`${fallbackName}: no CUSTOMER table`)
  const instance: BenchInstance = {
    name,
    format: 'solomon',
    family: solomonFamily(name),
    x: [],
    y: [],
    demand: [],
    capacity,
    vehicleLimit,
    readyTime: [],
    dueDate: [],
    serviceTime: [],
  }
  for (const line of lines.slice(customerHeader + 1)) {
    const fields = line.split(/\s+/).map(Number)
    if (fields.length < 7 || fields.some((f) => Number.isNaN(f))) continue
    const [, x, y, demand, ready, due, service] = fields as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ]
    instance.x.push(x)
    instance.y.push(y)
    instance.demand.push(demand)
    instance.readyTime?.push(ready)
    instance.dueDate?.push(due)
    instance.serviceTime?.push(service)
  }
  if (instance.x.length < 2) throw new Error(`${fallbackName}: fewer than one customer`)
  return instance
}

function solomonFamily(name: string): string {
  const match = /^(RC|R|C)(\d)/i.exec(name)
  return match ? `${(match[1] as string).toUpperCase()}${match[2] as string}` : 'solomon'
}
