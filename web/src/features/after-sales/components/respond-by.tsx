import { Typography } from 'antd'
import { formatDateTime } from '../../../lib/format'
import { useI18n } from '../../../lib/i18n'
import type { AfterSale } from '../api/after-sales'

const MINUTE_MS = 60_000

/** Whole hours and minutes from `now` to the deadline; null once it has passed. */
export function timeLeft(
  respondBy: string,
  now: number,
): { hours: number; minutes: number } | null {
  const leftMs = new Date(respondBy).getTime() - now
  if (!(leftMs > 0)) return null
  const minutes = Math.floor(leftMs / MINUTE_MS)
  return { hours: Math.floor(minutes / 60), minutes: minutes % 60 }
}

/**
 * The merchant's deadline in Beijing time and, while the merchant still has to answer, the time
 * left (read when the list loads: the list is reloaded after every answer).
 */
export function RespondBy({ request }: { request: Pick<AfterSale, 'respondBy' | 'status'> }) {
  const { t, language } = useI18n()
  const at = formatDateTime(request.respondBy, language)
  if (request.status !== 'awaiting_merchant') return <>{at}</>
  const left = timeLeft(request.respondBy, Date.now())
  return (
    <>
      {at}{' '}
      {left ? (
        <Typography.Text type={left.hours < 6 ? 'warning' : 'secondary'}>
          {t('afterSale.timeLeft', { hours: left.hours, minutes: left.minutes })}
        </Typography.Text>
      ) : (
        <Typography.Text type="danger">{t('afterSale.overdue')}</Typography.Text>
      )}
    </>
  )
}
