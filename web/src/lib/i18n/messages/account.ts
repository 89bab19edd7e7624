import type { MessageTable } from './message-table'

export const accountMessages = {
  'account.title': ['我的账户', 'My account'],
  'account.profile': ['基本信息', 'Profile'],
  'account.username': ['用户名', 'Username'],
  'account.displayName': ['姓名', 'Name'],
  'account.memberships': ['所属机构与角色', 'Organizations and roles'],
  'account.organizationType': ['机构类型', 'Organization type'],
  'account.permissions': ['我的权限', 'My permissions'],
  'account.noMemberships': ['尚未加入任何机构', 'Not a member of any organization'],
  'account.noPermissions': ['暂无管理权限', 'No management permissions'],
} as const satisfies MessageTable
