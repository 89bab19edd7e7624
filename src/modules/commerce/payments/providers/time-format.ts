import { SHANGHAI_UTC_OFFSET, shanghaiWallTime } from '../../../../shared/clock.js'

// Providers speak Shanghai time (UTC+8 all year, no daylight saving time); we store UTC ISO text.

/** Alipay's `yyyy-MM-dd HH:mm:ss`, in Shanghai time. */
export const formatShanghaiDateTime = (instantMs: number): string =>
  shanghaiWallTime(instantMs).slice(0, 19).replace('T', ' ')

/** WeChat Pay's RFC 3339 time with the Shanghai offset: `2026-11-28T22:00:00+08:00`. */
export const formatShanghaiRfc3339 = (instantMs: number): string =>
  `${shanghaiWallTime(instantMs).slice(0, 19)}${SHANGHAI_UTC_OFFSET}`

const SHANGHAI_DATE_TIME = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?)$/

/** `yyyy-MM-dd HH:mm:ss[.SSS]` in Shanghai time → ISO-8601 UTC; undefined if it is not one. */
export function parseShanghaiDateTime(text: string): string | undefined {
  const match = SHANGHAI_DATE_TIME.exec(text)
  if (!match) return undefined
  const ms = Date.parse(`${match[1] ?? ''}T${match[2] ?? ''}${SHANGHAI_UTC_OFFSET}`)
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString()
}

/** An RFC 3339 time with an offset → ISO-8601 UTC; undefined if it does not parse. */
export function parseRfc3339(text: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/.test(text)) {
    return undefined
  }
  const ms = Date.parse(text)
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString()
}
