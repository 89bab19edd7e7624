import type { Language } from './i18n'

// Times are stored in UTC and shown as the county sees them (Asia/Shanghai), whatever the browser's time zone.
export const DISPLAY_TIME_ZONE = 'Asia/Shanghai'

const formatters = new Map<Language, Intl.DateTimeFormat>()

function dateTimeFormatter(language: Language): Intl.DateTimeFormat {
  let formatter = formatters.get(language)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'zh-CN', {
      timeZone: DISPLAY_TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
    formatters.set(language, formatter)
  }
  return formatter
}

export function formatDateTime(iso: string | null | undefined, language: Language): string {
  if (!iso) return '—'
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormatter(language).format(date)
}

/** The UTC instant at which a calendar day (YYYY-MM-DD) starts in Asia/Shanghai (UTC+8, no DST). */
export function shanghaiDayStartUtc(day: string): string {
  return new Date(`${day}T00:00:00+08:00`).toISOString()
}

/** The last millisecond of a calendar day (YYYY-MM-DD) in Asia/Shanghai, as UTC. */
export function shanghaiDayEndUtc(day: string): string {
  return new Date(`${day}T23:59:59.999+08:00`).toISOString()
}

const DAY_MS = 24 * 60 * 60 * 1000
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000

/** A calendar day (YYYY-MM-DD) in Asia/Shanghai, `offsetDays` from today. */
export function shanghaiDay(offsetDays = 0, now = Date.now()): string {
  return new Date(now + SHANGHAI_OFFSET_MS + offsetDays * DAY_MS).toISOString().slice(0, 10)
}

/** HH:MM as the county sees it (Asia/Shanghai), for times within a day (ETAs, departures). */
export function formatClock(iso: string | null | undefined): string {
  if (!iso) return '—'
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return new Date(date.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(11, 16)
}

/** Money is kept in fen; people read yuan. Integer arithmetic: no float rounding on the way. */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(Math.round(fen))
  return `${sign}¥${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

/** Yuan as typed into a form ("12", "12.5", "12.50"); null for anything else. String arithmetic. */
export function yuanToFen(text: string): number | null {
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text.trim())
  if (!match) return null
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
}

/** Fen as the yuan a form field shows ("12.50"), the inverse of yuanToFen. */
export function fenToYuanText(fen: number): string {
  return formatYuan(fen).replace('¥', '')
}
