import { CopyOutlined } from '@ant-design/icons'
import { Alert, App, Button, Input, Modal, Space } from 'antd'
import type { CreatedApiToken } from '../../../lib/api-types'
import { useI18n } from '../../../lib/i18n'

/** The only time the token's secret is ever shown; closing needs a deliberate click. */
export function SecretModal({ token, onClose }: { token: CreatedApiToken; onClose: () => void }) {
  const { t } = useI18n()
  const { message } = App.useApp()

  async function copy() {
    try {
      await navigator.clipboard.writeText(token.secret)
      void message.success(t('apiTokens.copied'))
    } catch {
      void message.warning(t('apiTokens.copyFailed'))
    }
  }

  return (
    <Modal
      open
      title={t('apiTokens.secretTitle')}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('apiTokens.secretSaved')}
        </Button>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Alert type="warning" showIcon title={t('apiTokens.secretWarning')} />
        <Space.Compact style={{ width: '100%' }}>
          <Input
            readOnly
            value={token.secret}
            aria-label={token.name}
            onFocus={(event) => event.target.select()}
          />
          <Button icon={<CopyOutlined aria-hidden />} onClick={() => void copy()}>
            {t('apiTokens.copy')}
          </Button>
        </Space.Compact>
      </Space>
    </Modal>
  )
}
