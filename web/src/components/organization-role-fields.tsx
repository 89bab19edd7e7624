import { Form, Input, type FormInstance } from 'antd'
import type { OrganizationType } from '../lib/api-types'
import { useI18n } from '../lib/i18n'
import { OrganizationSelect } from './organization-select'
import { RoleSelect } from './role-select'

type NamePath = (string | number)[]

interface OrganizationRoleFieldsProps {
  form: FormInstance
  /** Path of the fields relative to the enclosing Form.List (or the form when not in a list). */
  name: NamePath
  /** The same fields' absolute path in the form, for watching and resetting them. */
  path: NamePath
  inline?: boolean
}

/**
 * An organization picker and a role picker that only offers the roles allowed for the picked
 * organization's type. The type is kept in a hidden field; callers drop it before sending.
 */
export function OrganizationRoleFields({ form, name, path, inline }: OrganizationRoleFieldsProps) {
  const { t } = useI18n()
  const organizationType = Form.useWatch<OrganizationType | undefined>(
    [...path, 'organizationType'],
    form,
  )
  const itemStyle = inline ? { flex: 1, marginBottom: 0 } : undefined
  return (
    <>
      <Form.Item
        name={[...name, 'organizationId']}
        label={inline ? undefined : t('common.organization')}
        rules={[{ required: true, message: t('common.selectOrganization') }]}
        style={itemStyle}
      >
        <OrganizationSelect
          activeOnly
          aria-label={t('common.organization')}
          onChange={(_, organization) => {
            form.setFieldValue([...path, 'organizationType'], organization?.type)
            form.setFieldValue([...path, 'role'], undefined) // a role of the old type may not fit
          }}
        />
      </Form.Item>
      <Form.Item name={[...name, 'organizationType']} hidden>
        <Input />
      </Form.Item>
      <Form.Item
        name={[...name, 'role']}
        label={inline ? undefined : t('common.role')}
        rules={[{ required: true, message: t('common.selectRole') }]}
        style={itemStyle}
      >
        <RoleSelect organizationType={organizationType} />
      </Form.Item>
    </>
  )
}
