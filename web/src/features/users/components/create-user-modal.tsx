import { App, Form, Input, Modal } from 'antd'
import { useState } from 'react'
import type { CreateUserBody } from '../../../lib/api-types'
import { errorMessage } from '../../../lib/error-message'
import { showFieldErrors } from '../../../lib/form-errors'
import { useI18n } from '../../../lib/i18n'
import { USERNAME } from '../../../lib/validation'
import { createUser } from '../api/create-user'
import { MembershipListFields, type MembershipFormValue } from './membership-list-fields'
import { usePasswordRules, usePhoneRules } from './user-rules'

interface CreateUserForm extends Omit<CreateUserBody, 'memberships'> {
  memberships: MembershipFormValue[]
}

export function CreateUserModal({
  onClose,
  onCreated,
}: {
  onClose: () => void
  onCreated: () => void
}) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const [form] = Form.useForm<CreateUserForm>()
  const [saving, setSaving] = useState(false)
  const passwordRules = usePasswordRules()
  const phoneRules = usePhoneRules()

  async function submit(values: CreateUserForm) {
    setSaving(true)
    try {
      const user = await createUser({
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        password: values.password,
        phone: values.phone?.trim() || undefined,
        memberships: values.memberships.map(({ organizationId, role }) => ({
          organizationId,
          role,
        })),
      })
      void message.success(t('users.created', { name: user.displayName }))
      onCreated()
    } catch (error) {
      if (!showFieldErrors(form, error)) void message.error(errorMessage(error, t))
      setSaving(false)
    }
  }

  return (
    <Modal
      open
      title={t('users.create')}
      okText={t('common.save')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={640}
      destroyOnHidden
    >
      <Form<CreateUserForm>
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        initialValues={{ memberships: [{}] }}
        autoComplete="off"
      >
        <Form.Item
          name="username"
          label={t('users.username')}
          rules={[
            { required: true, message: t('common.required') },
            { pattern: USERNAME, message: t('users.usernamePattern') },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="phone" label={t('common.phone')} rules={phoneRules}>
          <Input inputMode="tel" />
        </Form.Item>
        <Form.Item name="password" label={t('users.password')} rules={passwordRules}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <MembershipListFields form={form} />
      </Form>
    </Modal>
  )
}
