import { App, Button, Drawer, Flex, Form, List, Popconfirm, Tag, Typography } from 'antd'
import { useState } from 'react'
import { OrganizationRoleFields } from '../../../components/organization-role-fields'
import type { Membership, MembershipInput, User } from '../../../lib/api-types'
import { errorMessage } from '../../../lib/error-message'
import { showFieldErrors } from '../../../lib/form-errors'
import { useI18n } from '../../../lib/i18n'
import { roleName, useRoles } from '../../../lib/reference-data'
import { addMembership, removeMembership } from '../api/memberships'

type AddMembershipForm = MembershipInput

/** Lists a user's memberships and adds or removes them; the list page reloads when it closes. */
export function MembershipsDrawer({ user, onClose }: { user: User; onClose: () => void }) {
  const { t, language } = useI18n()
  const { message } = App.useApp()
  const roles = useRoles()
  const [form] = Form.useForm<AddMembershipForm>()
  const [memberships, setMemberships] = useState<Membership[]>(user.memberships)
  const [saving, setSaving] = useState(false)

  async function add(values: AddMembershipForm) {
    setSaving(true)
    try {
      const membership = await addMembership(user.id, {
        organizationId: values.organizationId,
        role: values.role,
      })
      setMemberships((current) => [...current, membership])
      form.resetFields()
      void message.success(t('users.membershipAdded'))
    } catch (error) {
      if (!showFieldErrors(form, error)) void message.error(errorMessage(error, t))
    } finally {
      setSaving(false)
    }
  }

  async function remove(membership: Membership) {
    try {
      await removeMembership(user.id, membership.id)
      setMemberships((current) => current.filter((candidate) => candidate.id !== membership.id))
      void message.success(t('users.membershipRemoved'))
    } catch (error) {
      void message.error(errorMessage(error, t))
    }
  }

  return (
    <Drawer
      open
      title={t('users.membershipsTitle', { name: user.displayName })}
      size={520}
      onClose={onClose}
    >
      <List<Membership>
        dataSource={memberships}
        locale={{ emptyText: t('account.noMemberships') }}
        renderItem={(membership) => (
          <List.Item
            actions={[
              <Popconfirm
                key="remove"
                title={t('users.removeMembershipConfirm', {
                  organization: membership.organizationName,
                })}
                okText={t('common.remove')}
                okButtonProps={{ danger: true }}
                cancelText={t('common.cancel')}
                onConfirm={() => void remove(membership)}
              >
                <Button type="link" danger size="small">
                  {t('common.remove')}
                </Button>
              </Popconfirm>,
            ]}
          >
            <Flex vertical>
              <Typography.Text>{membership.organizationName}</Typography.Text>
              <Flex gap={4}>
                <Tag>{t(`orgType.${membership.organizationType}`)}</Tag>
                <Tag color="green">{roleName(roles, membership.role, language === 'zh-CN')}</Tag>
              </Flex>
            </Flex>
          </List.Item>
        )}
      />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('users.addMembership')}
      </Typography.Title>
      <Form<AddMembershipForm>
        form={form}
        layout="vertical"
        onFinish={(values) => void add(values)}
      >
        <OrganizationRoleFields form={form} name={[]} path={[]} />
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('common.add')}
        </Button>
      </Form>
    </Drawer>
  )
}
