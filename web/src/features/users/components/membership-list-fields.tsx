import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Flex, Form, type FormInstance } from 'antd'
import { OrganizationRoleFields } from '../../../components/organization-role-fields'
import type { OrganizationType, RoleKey } from '../../../lib/api-types'
import { useI18n } from '../../../lib/i18n'

export interface MembershipFormValue {
  organizationId: string
  organizationType?: OrganizationType
  role: RoleKey
}

/** The memberships of a new user: at least one organization and role. */
export function MembershipListFields({ form }: { form: FormInstance }) {
  const { t } = useI18n()
  return (
    <Form.Item label={t('users.memberships')} required>
      <Form.List
        name="memberships"
        rules={[
          {
            validator: (_, value: unknown[] | undefined) =>
              value && value.length > 0
                ? Promise.resolve()
                : Promise.reject(new Error(t('users.membershipRequired'))),
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field) => (
              <Flex key={field.key} gap={8} align="start" style={{ marginBottom: 8 }}>
                <OrganizationRoleFields
                  form={form}
                  name={[field.name]}
                  path={['memberships', field.name]}
                  inline
                />
                <Button
                  aria-label={t('common.remove')}
                  icon={<DeleteOutlined aria-hidden />}
                  disabled={fields.length === 1}
                  onClick={() => remove(field.name)}
                />
              </Flex>
            ))}
            <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({})} block>
              {t('users.addMembership')}
            </Button>
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
    </Form.Item>
  )
}
