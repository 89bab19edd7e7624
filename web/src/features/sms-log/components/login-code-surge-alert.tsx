import { Alert } from 'antd'
import { Link } from 'react-router-dom'
import { formatDateTime } from '../../../lib/format'
import { useI18n } from '../../../lib/i18n'
import { useLoginCodeSurges } from '../api/sms'

/**
 * Warns the operator, above the SMS log, of an hour in the last day when far more sign-in codes
 * were asked for than usual: someone may be using the shop to text strangers (SMS bombing) and
 * run up the bill. The server writes the audit entry once per such hour (issue 12).
 */
export function LoginCodeSurgeAlert({ enabled }: { enabled: boolean }) {
  const { t, language } = useI18n()
  const surges = useLoginCodeSurges(enabled)
  const latest = surges.data?.items[0]
  if (!latest) return null
  const after = latest.after ?? {}
  const text = (value: unknown) =>
    typeof value === 'number' || typeof value === 'string' ? String(value) : '?'
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title={t('sms.surge.title', { count: surges.data?.total ?? 1 })}
      description={
        <>
          {t('sms.surge.detail', {
            hour: formatDateTime(typeof after.hour === 'string' ? after.hour : latest.at, language),
            codes: text(after.codesThisHour),
            average: text(after.averagePerHour),
          })}{' '}
          <Link to="/audit-log?action=sms.login_code_surge">{t('sms.surge.open')}</Link>
        </>
      }
    />
  )
}
