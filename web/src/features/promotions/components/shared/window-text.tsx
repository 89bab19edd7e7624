import { formatDateTime } from '../../../../lib/format'
import { useI18n } from '../../../../lib/i18n'

/** A promotion's window as Beijing times. */
export function WindowText({ startsAt, endsAt }: { startsAt: string; endsAt: string }) {
  const { language } = useI18n()
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {formatDateTime(startsAt, language)}
      <br />
      {formatDateTime(endsAt, language)}
    </span>
  )
}
