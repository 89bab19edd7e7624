import { App, Form, Input, Modal, Select } from 'antd'
import { useState } from 'react'
import { OrganizationSelect } from '../../../components/organization-select'
import {
  ORGANIZATION_TYPES,
  type Organization,
  type OrganizationType,
} from '../../../lib/api-types'
import { errorMessage } from '../../../lib/error-message'
import { showFieldErrors } from '../../../lib/form-errors'
import { useI18n } from '../../../lib/i18n'
import { CREDIT_CODE, PHONE_NUMBER } from '../../../lib/validation'
import { createOrganization, updateOrganization } from '../api/save-organization'
import { DivisionCascader } from '../../../components/division-cascader'

interface OrganizationForm {
  type: OrganizationType
  name: string
  code?: string
  divisionCode?: string | null
  address?: string
  contactName?: string
  contactPhone?: string
  parentId?: string
}

const blankToNull = (value: string | undefined | null) => value?.trim() || null

interface OrganizationFormModalProps {
  /** Absent: create a new organization. */
  organization?: Organization
  onClose: () => void
  onSaved: (organization: Organization) => void
}

export function OrganizationFormModal({
  organization,
  onClose,
  onSaved,
}: OrganizationFormModalProps) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const [form] = Form.useForm<OrganizationForm>()
  const [saving, setSaving] = useState(false)

  async function submit(values: OrganizationForm) {
    const fields = {
      name: values.name.trim(),
      code: blankToNull(values.code),
      divisionCode: values.divisionCode ?? null,
      address: blankToNull(values.address),
      contactName: blankToNull(values.contactName),
      contactPhone: blankToNull(values.contactPhone),
    }
    setSaving(true)
    try {
      const saved = organization
        ? await updateOrganization(organization.id, fields)
        : await createOrganization({
            ...withoutNulls(fields),
            name: fields.name,
            type: values.type,
            parentId: values.parentId,
          })
      onSaved(saved)
    } catch (error) {
      if (!showFieldErrors(form, error)) void message.error(errorMessage(error, t))
      setSaving(false)
    }
  }

  return (
    <Modal
      open
      title={organization ? t('organizations.edit') : t('organizations.create')}
      okText={t('common.save')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={640}
      destroyOnHidden
    >
      <Form<OrganizationForm>
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        initialValues={organization ? toFormValues(organization) : undefined}
      >
        <Form.Item
          name="type"
          label={t('organizations.type')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select<OrganizationType>
            disabled={Boolean(organization)} // the API cannot change an organization's type
            options={ORGANIZATION_TYPES.map((type) => ({
              value: type,
              label: t(`orgType.${type}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('organizations.name')}
          rules={[
            { required: true, whitespace: true, message: t('common.required') },
            { min: 2, message: t('organizations.nameTooShort') },
          ]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('organizations.code')}
          normalize={(value: string) => value.toUpperCase()}
          rules={[{ pattern: CREDIT_CODE, message: t('organizations.codeInvalid') }]}
        >
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item name="divisionCode" label={t('organizations.division')}>
          <DivisionCascader />
        </Form.Item>
        <Form.Item name="address" label={t('organizations.address')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="contactName" label={t('organizations.contactName')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="contactPhone"
          label={t('organizations.contactPhone')}
          rules={[{ pattern: PHONE_NUMBER, message: t('organizations.contactPhoneInvalid') }]}
        >
          <Input inputMode="tel" />
        </Form.Item>
        {!organization && (
          <Form.Item name="parentId" label={t('organizations.parent')}>
            <OrganizationSelect allowClear />
          </Form.Item>
        )}
      </Form>
    </Modal>
  )
}

function toFormValues(organization: Organization): Partial<OrganizationForm> {
  return {
    type: organization.type,
    name: organization.name,
    code: organization.code ?? undefined,
    divisionCode: organization.divisionCode,
    address: organization.address ?? undefined,
    contactName: organization.contactName ?? undefined,
    contactPhone: organization.contactPhone ?? undefined,
  }
}

/** A new organization leaves empty fields out instead of sending nulls. */
function withoutNulls<T extends Record<string, unknown>>(
  fields: T,
): { [K in keyof T]: Exclude<T[K], null> | undefined } {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null)) as {
    [K in keyof T]: Exclude<T[K], null> | undefined
  }
}
