import { LockOutlined, UserOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd'
import { useState } from 'react'
import type { Me } from '../../../lib/api-types'
import { ApiError, isApiError } from '../../../lib/api-error'
import { errorMessage } from '../../../lib/error-message'
import { formatDateTime } from '../../../lib/format'
import { useI18n } from '../../../lib/i18n'
import { useCountySubtitle } from '../../../lib/use-county-subtitle'
import type { LoginBody } from '../../../lib/api-types'
import { login } from '../api/login'
import { LanguageToggle } from '../../../components/language-toggle'

export function LoginPage({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const { t } = useI18n()
  const subtitle = useCountySubtitle()
  const [error, setError] = useState<unknown>(null)
  const [submitting, setSubmitting] = useState(false)

  async function submit(values: LoginBody) {
    setSubmitting(true)
    setError(null)
    try {
      onSignedIn(await login(values))
    } catch (caught) {
      setError(caught)
      setSubmitting(false)
    }
  }

  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{ minHeight: '100vh', background: '#f0f2f5' }}
    >
      <Card style={{ width: 380 }} extra={<LanguageToggle />} title={t('app.name')}>
        <Typography.Paragraph type="secondary">{subtitle}</Typography.Paragraph>
        {error !== null && <LoginError error={error} />}
        <Form<LoginBody>
          layout="vertical"
          onFinish={(values) => void submit(values)}
          requiredMark={false}
        >
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, message: t('login.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  )
}

/** The server's own sentence, plus when to retry if the account or address is locked. */
function LoginError({ error }: { error: unknown }) {
  const { t, language } = useI18n()
  const retryAfterS = error instanceof ApiError ? error.retryAfterS : null
  const retryAt =
    retryAfterS === null
      ? null
      : formatDateTime(new Date(Date.now() + retryAfterS * 1000).toISOString(), language)
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      title={isApiError(error) ? error.message : errorMessage(error, t)}
      description={retryAt ? t('login.retryAt', { time: retryAt }) : undefined}
    />
  )
}
