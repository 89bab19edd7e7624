import { App, Form, Input, Modal } from 'antd'
import { useState } from 'react'
import { OrganizationRoleFields } from '../../../components/organization-role-fields'
import type { CreateApiTokenBody, CreatedApiToken } from '../../../lib/api-types'
import { errorMessage } from '../../../lib/error-message'
import { showFieldErrors } from '../../../lib/form-errors'
import { useI18n } from '../../../lib/i18n'
import { createApiToken } from '../api/api-tokens'

type CreateApiTokenForm = CreateApiTokenBody

interface CreateApiTokenModalProps {
  onClose: () => void
  onCreated: (token: CreatedApiToken) => void
}

export function CreateApiTokenModal({ onClose, onCreated }: CreateApiTokenModalProps) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const [form] = Form.useForm<CreateApiTokenForm>()
  const [saving, setSaving] = useState(false)

  async function submit(values: CreateApiTokenForm) {
    setSaving(true)
    try {
      onCreated(
        await createApiToken({
          name: values.name.trim(),
          organizationId: values.organizationId,
          role: values.role,
        }),
      )
    } catch (error) {
      if (!showFieldErrors(form, error)) void message.error(errorMessage(error, t))
      setSaving(false)
    }
  }

  return (
    <Modal
      open
      title={t('apiTokens.create')}
      okText={t('common.save')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<CreateApiTokenForm>
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
      >
        <Form.Item
          name="name"
          label={t('apiTokens.name')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input placeholder={t('apiTokens.namePlaceholder')} maxLength={100} />
        </Form.Item>
        <OrganizationRoleFields form={form} name={[]} path={[]} />
      </Form>
    </Modal>
  )
}
