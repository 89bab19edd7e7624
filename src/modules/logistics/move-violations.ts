import type { Bilingual } from '../../shared/errors.js'

// The routing library's checker names vehicles and jobs by id, in English and in planner seconds.
// A clerk refused a move reads the plate, the station and the clock time, in their language.

export interface ViolationNames {
  /** vehicle id → plate and capacity */
  vehicles: ReadonlyMap<string, { plate: string; capacityKg: number; capacityM3: number }>
  /** site id → station name */
  sites: ReadonlyMap<string, string>
}

/** Seconds after local midnight (the planner's clock) as HH:MM. */
const clock = (seconds: string): string => {
  const minutes = Math.round(Number(seconds) / 60)
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

const amount = (value: string): string => String(Math.round(Number(value) * 10) / 10)

const LOAD = /^vehicle (\S+) carries ([\d.]+) (kg|m³) (?:leaving the depot|after job (\S+))$/

/**
 * The checker's violations in words a dispatch clerk reads. An overload is reported once per
 * vehicle and unit (where it first happens): the checker repeats it after every stop that
 * follows, which tells the clerk nothing more.
 */
export function describeViolations(
  violations: readonly string[],
  names: ViolationNames,
): Bilingual[] {
  const overloaded = new Set<string>()
  return violations.flatMap((violation) => {
    const load = LOAD.exec(violation)
    if (load) {
      const key = `${load[1] ?? ''} ${load[3] ?? ''}`
      if (overloaded.has(key)) return []
      overloaded.add(key)
    }
    return [describeViolation(violation, names)]
  })
}

/** One checker violation in words a dispatch clerk reads; unknown shapes pass through as they are. */
export function describeViolation(violation: string, names: ViolationNames): Bilingual {
  const plate = (id: string) => names.vehicles.get(id)?.plate ?? id
  const site = (id: string) => names.sites.get(id) ?? id

  const load =
    /^vehicle (\S+) carries ([\d.]+) (kg|m³) (?:leaving the depot|after job (\S+))$/.exec(violation)
  if (load) {
    const [, vehicleId = '', value = '', unit = '', jobId] = load
    const vehicle = names.vehicles.get(vehicleId)
    const capacity = unit === 'kg' ? vehicle?.capacityKg : vehicle?.capacityM3
    const where = jobId
      ? { en: `after ${site(jobId)}`, zh: `离开${site(jobId)}时` }
      : { en: 'leaving the hub', zh: '从物流中心出发时' }
    return {
      en: `${plate(vehicleId)} carries ${amount(value)} ${unit} ${where.en}, over its capacity of ${capacity ?? '?'} ${unit}`,
      zh: `${plate(vehicleId)} ${where.zh}装载 ${amount(value)} ${unit}，超过核定的 ${capacity ?? '?'} ${unit}`,
    }
  }
  const late = /^vehicle (\S+) reaches job (\S+) at ([\d.]+) after its windows$/.exec(violation)
  if (late) {
    const [, vehicleId = '', jobId = '', at = ''] = late
    return {
      en: `${plate(vehicleId)} reaches ${site(jobId)} at ${clock(at)}, after its opening hours`,
      zh: `${plate(vehicleId)} 到达${site(jobId)}的时间 ${clock(at)} 已过营业时间`,
    }
  }
  const shift = /^vehicle (\S+) is back at ([\d.]+), after its shift ends at ([\d.]+)$/.exec(
    violation,
  )
  if (shift) {
    const [, vehicleId = '', back = '', end = ''] = shift
    return {
      en: `${plate(vehicleId)} is back at ${clock(back)}, after its shift ends at ${clock(end)}`,
      zh: `${plate(vehicleId)} ${clock(back)} 才能返回，超出出车时段（${clock(end)} 收车）`,
    }
  }
  const unreachable = /^vehicle (\S+) cannot reach job (\S+)$/.exec(violation)
  if (unreachable) {
    const [, vehicleId = '', jobId = ''] = unreachable
    return {
      en: `${plate(vehicleId)} cannot reach ${site(jobId)}`,
      zh: `${plate(vehicleId)} 无法到达${site(jobId)}`,
    }
  }
  return { en: violation, zh: violation }
}
