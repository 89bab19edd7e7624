import { PlusOutlined } from '@ant-design/icons'
import { App, Button, Typography } from 'antd'
import { useState } from 'react'
import { PageHeader } from '../../../components/page-header'
import { LoadErrorResult } from '../../../components/status-result'
import type { ApiToken, CreatedApiToken } from '../../../lib/api-types'
import { errorMessage } from '../../../lib/error-message'
import { useI18n } from '../../../lib/i18n'
import { useListParams } from '../../../lib/use-list-params'
import { revokeApiToken, useApiTokens } from '../api/api-tokens'
import { ApiTokensTable } from './api-tokens-table'
import { CreateApiTokenModal } from './create-api-token-modal'
import { SecretModal } from './secret-modal'

export function ApiTokensPage() {
  const { t } = useI18n()
  const { message } = App.useApp()
  const list = useListParams([] as const)
  const tokens = useApiTokens({ page: list.page, pageSize: list.pageSize })
  const [creating, setCreating] = useState(false)
  const [created, setCreated] = useState<CreatedApiToken | null>(null)

  async function revoke(token: ApiToken) {
    try {
      await revokeApiToken(token.id)
      void message.success(t('apiTokens.revoked', { name: token.name }))
      tokens.reload()
    } catch (error) {
      void message.error(errorMessage(error, t))
    }
  }

  return (
    <>
      <PageHeader
        title={t('apiTokens.title')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => setCreating(true)}
          >
            {t('apiTokens.create')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">{t('apiTokens.intro')}</Typography.Paragraph>
      {tokens.error ? (
        <LoadErrorResult error={tokens.error} onRetry={tokens.reload} />
      ) : (
        <ApiTokensTable
          page={tokens.data}
          loading={tokens.loading}
          onPage={list.setPage}
          onRevoke={(token) => void revoke(token)}
        />
      )}
      {creating && (
        <CreateApiTokenModal
          onClose={() => setCreating(false)}
          onCreated={(token) => {
            setCreating(false)
            setCreated(token)
            tokens.reload()
          }}
        />
      )}
      {created && <SecretModal token={created} onClose={() => setCreated(null)} />}
    </>
  )
}
