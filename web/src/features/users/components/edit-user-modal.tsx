import { App, Form, Input, Modal, Select } from 'antd'
import { useState } from 'react'
import type { User, UserStatus } from '../../../lib/api-types'
import { errorMessage } from '../../../lib/error-message'
import { showFieldErrors } from '../../../lib/form-errors'
import { useI18n } from '../../../lib/i18n'
import { updateUser } from '../api/update-user'
import { usePhoneRules } from './user-rules'

interface EditUserForm {
  displayName: string
  phone?: string
  status: UserStatus
}

export function EditUserModal({
  user,
  onClose,
  onSaved,
}: {
  user: User
  onClose: () => void
  onSaved: () => void
}) {
  const { t } = useI18n()
  const { message, modal } = App.useApp()
  const [form] = Form.useForm<EditUserForm>()
  const [saving, setSaving] = useState(false)
  const phoneRules = usePhoneRules()

  async function save(values: EditUserForm) {
    setSaving(true)
    try {
      await updateUser(user.id, {
        displayName: values.displayName.trim(),
        phone: values.phone?.trim() || null,
        status: values.status,
      })
      void message.success(t('common.saved'))
      onSaved()
    } catch (error) {
      if (!showFieldErrors(form, error)) void message.error(errorMessage(error, t))
      setSaving(false)
    }
  }

  // Disabling locks a person out, so it is confirmed separately from ordinary edits.
  function submit(values: EditUserForm) {
    if (values.status === 'disabled' && user.status !== 'disabled') {
      modal.confirm({
        title: t('users.disableConfirmTitle', { name: user.displayName }),
        content: t('users.disableConfirm'),
        okText: t('users.disable'),
        okButtonProps: { danger: true },
        cancelText: t('common.cancel'),
        onOk: () => save(values),
      })
    } else {
      void save(values)
    }
  }

  return (
    <Modal
      open
      title={t('users.edit')}
      okText={t('common.save')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<EditUserForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          displayName: user.displayName,
          phone: user.phone ?? undefined,
          status: user.status,
        }}
      >
        <Form.Item label={t('users.username')}>
          <Input value={user.username} disabled />
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
        <Form.Item name="status" label={t('common.status')}>
          <Select<UserStatus>
            options={[
              { value: 'active', label: t('users.status.active') },
              { value: 'disabled', label: t('users.status.disabled') },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  )
}
