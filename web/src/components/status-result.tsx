import { Button, Result } from 'antd'
import { Link } from 'react-router-dom'
import { isApiError } from '../lib/api-error'
import { errorMessage } from '../lib/error-message'
import { useI18n } from '../lib/i18n'

export function ForbiddenResult() {
  const { t } = useI18n()
  return (
    <Result
      status="403"
      title={t('error.forbiddenTitle')}
      subTitle={t('error.forbidden')}
      extra={<Link to="/">{t('error.backHome')}</Link>}
    />
  )
}

export function NotFoundResult() {
  const { t } = useI18n()
  return (
    <Result
      status="404"
      title={t('error.notFoundTitle')}
      subTitle={t('error.notFound')}
      extra={<Link to="/">{t('error.backHome')}</Link>}
    />
  )
}

/** What a page shows when its main request failed; a 403 from the server looks like a missing permission. */
export function LoadErrorResult({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useI18n()
  if (isApiError(error) && error.status === 403) return <ForbiddenResult />
  if (isApiError(error) && error.status === 404) return <NotFoundResult />
  return (
    <Result
      status="error"
      title={t('error.loadFailed')}
      subTitle={errorMessage(error, t)}
      extra={<Button onClick={onRetry}>{t('error.retry')}</Button>}
    />
  )
}
