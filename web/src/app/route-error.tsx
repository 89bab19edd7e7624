import { Button, Result } from 'antd'
import { useRouteError } from 'react-router-dom'
import { useI18n } from '../lib/i18n'

/** A page that crashed while rendering: say so plainly and offer a reload instead of a stack trace. */
export function RouteError() {
  const { t } = useI18n()
  const error = useRouteError()
  console.error(error) // keep the details for whoever opens the developer tools
  return (
    <Result
      status="error"
      title={t('error.crashTitle')}
      subTitle={t('error.crash')}
      extra={<Button onClick={() => window.location.reload()}>{t('error.reload')}</Button>}
    />
  )
}
