import { Card, Descriptions, Empty, Space, Table, Tag } from 'antd'
import { PageHeader } from '../../../components/page-header'
import type { Membership } from '../../../lib/api-types'
import { useI18n } from '../../../lib/i18n'
import { roleName, useRoles } from '../../../lib/reference-data'
import { useSession } from '../../../lib/session'
import { TableEmpty } from '../../../components/table-empty'

/** Who am I: the profile, memberships and permissions of the signed-in user. */
export function AccountPage() {
  const { t } = useI18n()
  const { me } = useSession()
  return (
    <>
      <PageHeader title={t('account.title')} />
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Card title={t('account.profile')}>
          <Descriptions column={1}>
            <Descriptions.Item label={t('account.username')}>{me.user.username}</Descriptions.Item>
            <Descriptions.Item label={t('account.displayName')}>
              {me.user.displayName}
            </Descriptions.Item>
            <Descriptions.Item label={t('common.phone')}>
              {me.user.phone ?? t('common.none')}
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <Card title={t('account.memberships')}>
          <MembershipTable memberships={me.memberships} />
        </Card>
        <Card title={t('account.permissions')}>
          {me.permissions.length === 0 ? (
            <Empty description={t('account.noPermissions')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : (
            <Space wrap>
              {me.permissions.map((permission) => (
                <Tag key={permission}>{t(`permission.${permission}`)}</Tag>
              ))}
            </Space>
          )}
        </Card>
      </Space>
    </>
  )
}

function MembershipTable({ memberships }: { memberships: Membership[] }) {
  const { t, language } = useI18n()
  const roles = useRoles()
  return (
    <Table<Membership>
      rowKey="id"
      pagination={false}
      dataSource={memberships}
      locale={{ emptyText: <TableEmpty description={t('account.noMemberships')} /> }}
      columns={[
        { title: t('common.organization'), dataIndex: 'organizationName' },
        {
          title: t('account.organizationType'),
          dataIndex: 'organizationType',
          render: (_, membership) => t(`orgType.${membership.organizationType}`),
        },
        {
          title: t('common.role'),
          dataIndex: 'role',
          render: (_, membership) => (
            <Tag color="green">{roleName(roles, membership.role, language === 'zh-CN')}</Tag>
          ),
        },
      ]}
    />
  )
}
