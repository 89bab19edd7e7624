/** Times are stored as ISO-8601 UTC text: SQLite and PostgreSQL read it the same way. */
export const nowIso = (): string => new Date().toISOString()

export const addSeconds = (iso: string, seconds: number): string =>
  new Date(Date.parse(iso) + seconds * 1000).toISOString()

// Users live in Asia/Shanghai: UTC+8 all year (China has no daylight saving time). Days, weeks
// and months in reports are Shanghai ones, and payment providers write Shanghai times. The offset
// is written here only.
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000

/** Shanghai's UTC offset as ISO-8601 and RFC 3339 write it. */
export const SHANGHAI_UTC_OFFSET = '+08:00'

/** An instant (ISO text or ms) as Shanghai wall-clock time without an offset: `2026-11-28T22:00:00.000`. */
export const shanghaiWallTime = (instant: string | number): string =>
  new Date((typeof instant === 'number' ? instant : Date.parse(instant)) + SHANGHAI_OFFSET_MS)
    .toISOString()
    .slice(0, 23)

/** The UTC instant (ms) at which a Shanghai calendar date (YYYY-MM-DD) begins. */
export const shanghaiDayStartMs = (date: string): number =>
  Date.parse(`${date}T00:00:00Z`) - SHANGHAI_OFFSET_MS

/** The Shanghai calendar date (YYYY-MM-DD) of an instant, given as ISO text or ms. */
export const shanghaiDate = (instant: string | number): string =>
  shanghaiWallTime(instant).slice(0, 10)

/** An instant as Shanghai wall-clock time, `YYYY-MM-DD HH:mm`, as clerks read it in Excel. */
export const shanghaiDateTime = (instant: string): string =>
  shanghaiWallTime(instant).slice(0, 16).replace('T', ' ')

/** The UTC bounds of a Shanghai calendar month (YYYY-MM), end exclusive. */
export function shanghaiMonthBounds(month: string): { from: string; to: string } {
  const [year = 0, monthNumber = 1] = month.split('-').map(Number)
  return {
    from: new Date(Date.UTC(year, monthNumber - 1, 1) - SHANGHAI_OFFSET_MS).toISOString(),
    to: new Date(Date.UTC(year, monthNumber, 1) - SHANGHAI_OFFSET_MS).toISOString(),
  }
}
