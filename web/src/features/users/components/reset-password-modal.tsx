import { App, Form, Input, Modal } from 'antd'
import { useState } from 'react'
import type { User } from '../../../lib/api-types'
import { errorMessage } from '../../../lib/error-message'
import { showFieldErrors } from '../../../lib/form-errors'
import { useI18n } from '../../../lib/i18n'
import { resetPassword } from '../api/reset-password'
import { usePasswordRules } from './user-rules'

interface ResetPasswordForm {
  password: string
  confirmPassword: string
}

export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const [form] = Form.useForm<ResetPasswordForm>()
  const [saving, setSaving] = useState(false)
  const passwordRules = usePasswordRules()

  async function submit(values: ResetPasswordForm) {
    setSaving(true)
    try {
      await resetPassword(user.id, values.password)
      void message.success(t('users.passwordReset'))
      onClose()
    } catch (error) {
      if (!showFieldErrors(form, error)) void message.error(errorMessage(error, t))
      setSaving(false)
    }
  }

  return (
    <Modal
      open
      title={t('users.resetPasswordTitle', { name: user.displayName })}
      okText={t('common.save')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<ResetPasswordForm>
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        autoComplete="off"
      >
        <Form.Item name="password" label={t('users.newPassword')} rules={passwordRules}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('users.confirmPassword')}
          dependencies={['password']}
          rules={[
            { required: true, message: t('common.required') },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                !value || value === getFieldValue('password')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('users.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  )
}
