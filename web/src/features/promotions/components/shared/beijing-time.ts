import dayjs, { type Dayjs } from 'dayjs'

// Operators plan in Beijing time whatever the browser's zone: a picker's wall-clock value is
// read as UTC+8 (no DST), and a stored instant is shown as Beijing's wall clock.
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000
export const DATE_TIME_FORMAT = 'YYYY-MM-DD HH:mm'

/** The picker's value, read as Beijing time, as a UTC ISO instant. */
export const beijingIso = (value: Dayjs): string =>
  new Date(`${value.format('YYYY-MM-DDTHH:mm')}:00+08:00`).toISOString()

/** A UTC instant as the Beijing wall-clock value a picker shows. */
export const beijingPickerValue = (iso: string): Dayjs =>
  dayjs(new Date(Date.parse(iso) + BEIJING_OFFSET_MS).toISOString().slice(0, 16))

/** The next full hour in Beijing, `offsetHours` later: a sensible default for a window. */
export const beijingHourFromNow = (offsetHours: number): Dayjs =>
  beijingPickerValue(new Date(Date.now() + offsetHours * 3_600_000).toISOString())
    .add(1, 'hour')
    .startOf('hour')

/** The Shanghai calendar year of now. */
export const beijingYear = (): number => new Date(Date.now() + BEIJING_OFFSET_MS).getUTCFullYear()
