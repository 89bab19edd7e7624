import { Alert, Button, Card, Flex, Form, Input, Result, Spin, Typography } from 'antd'
import { useState } from 'react'
import { useSearchParams } from 'react-router-dom'
import { LanguageToggle } from '../../../components/language-toggle'
import { isApiError } from '../../../lib/api-error'
import type { SetupBody, SetupDone } from '../../../lib/api-types'
import { errorMessage } from '../../../lib/error-message'
import { showFieldErrors } from '../../../lib/form-errors'
import { useI18n } from '../../../lib/i18n'
import { useRequest } from '../../../lib/use-request'
import { checkSetupLink, submitSetup } from '../api/setup'

type SetupForm = Omit<SetupBody, 'token'>

/** The first run without demo data (issue 15): the page behind the one-time link. Public. */
export function SetupPage() {
  const { t } = useI18n()
  const [params] = useSearchParams()
  const token = params.get('token') ?? ''
  const link = useRequest(
    (signal) => (token ? checkSetupLink(token, signal) : Promise.resolve({ valid: false })),
    token,
  )
  const [done, setDone] = useState<SetupDone>()

  let body: React.ReactNode
  if (done) {
    body = (
      <Result
        status="success"
        title={t('setup.done')}
        subTitle={t('setup.doneHint', { username: done.adminUsername })}
        extra={
          <Button type="primary" href="/login">
            {t('setup.signIn')}
          </Button>
        }
      />
    )
  } else if (!token) {
    body = <Alert type="info" showIcon title={t('setup.noToken')} />
  } else if (link.loading && !link.data) {
    body = <Spin />
  } else if (isApiError(link.error) && link.error.status === 410) {
    body = (
      <Result
        status="info"
        title={t('setup.alreadyDone')}
        extra={
          <Button type="primary" href="/login">
            {t('setup.signIn')}
          </Button>
        }
      />
    )
  } else if (link.error) {
    body = (
      <Result
        status="warning"
        title={t('setup.invalidLink')}
        subTitle={t('setup.invalidLinkHint')}
      />
    )
  } else {
    body = <SetupFormCard token={token} onDone={setDone} />
  }

  return (
    <main style={{ maxWidth: 560, margin: '0 auto', padding: '24px 12px 48px' }}>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('app.name')} · {t('setup.title')}
        </Typography.Title>
        <LanguageToggle />
      </Flex>
      {body}
    </main>
  )
}

function SetupFormCard({ token, onDone }: { token: string; onDone: (done: SetupDone) => void }) {
  const { t } = useI18n()
  const [form] = Form.useForm<SetupForm>()
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<unknown>(null)

  async function submit(values: SetupForm) {
    setSaving(true)
    setError(null)
    try {
      onDone(await submitSetup({ ...values, token }))
    } catch (reason) {
      if (!showFieldErrors(form, reason)) setError(reason)
      setSaving(false)
    }
  }

  const required = { required: true, whitespace: true, message: t('common.required') }
  return (
    <Card size="small">
      <Typography.Paragraph type="secondary">{t('setup.intro')}</Typography.Paragraph>
      {error !== null && (
        <Alert type="error" showIcon title={errorMessage(error, t)} style={{ marginBottom: 16 }} />
      )}
      <Form<SetupForm> form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Typography.Title level={5}>{t('setup.county')}</Typography.Title>
        <Form.Item
          name="countyCode"
          label={t('setup.countyCode')}
          rules={[required, { pattern: /^\d{6}$/, message: t('setup.countyCodeInvalid') }]}
        >
          <Input inputMode="numeric" maxLength={6} autoComplete="off" />
        </Form.Item>
        <Form.Item name="countyName" label={t('setup.countyName')} rules={[required]}>
          <Input maxLength={40} />
        </Form.Item>
        <Typography.Title level={5}>{t('setup.organizations')}</Typography.Title>
        <Form.Item name="bureauName" label={t('setup.bureauName')} rules={[required]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="companyName" label={t('setup.companyName')} rules={[required]}>
          <Input maxLength={100} />
        </Form.Item>
        <Typography.Title level={5}>{t('setup.admin')}</Typography.Title>
        <Form.Item
          name="adminUsername"
          label={t('setup.adminUsername')}
          rules={[
            required,
            { pattern: /^[A-Za-z][A-Za-z0-9_.-]{2,31}$/, message: t('setup.adminUsernameInvalid') },
          ]}
        >
          <Input autoComplete="off" maxLength={32} />
        </Form.Item>
        <Form.Item name="adminDisplayName" label={t('setup.adminDisplayName')} rules={[required]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="adminPhone"
          label={t('setup.adminPhone')}
          rules={[
            required,
            { pattern: /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, message: t('setup.adminPhoneInvalid') },
          ]}
        >
          <Input inputMode="tel" maxLength={20} />
        </Form.Item>
        <Form.Item
          name="adminPassword"
          label={t('setup.adminPassword')}
          rules={[required, { min: 8, message: t('setup.adminPasswordShort') }]}
        >
          <Input.Password autoComplete="new-password" maxLength={128} />
        </Form.Item>
        <Form.Item
          name="adminPasswordRepeat"
          label={t('setup.adminPasswordRepeat')}
          dependencies={['adminPassword']}
          rules={[
            required,
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                value === getFieldValue('adminPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('setup.passwordsDiffer'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={128} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={saving}>
          {t('setup.submit')}
        </Button>
      </Form>
    </Card>
  )
}
