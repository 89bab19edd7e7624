import type { MessageTable } from './message-table'

export const organizationMessages = {
  'organizations.title': ['机构管理', 'Organizations'],
  'organizations.searchPlaceholder': ['搜索名称或统一社会信用代码', 'Search name or credit code'],
  'organizations.filterType': ['按类型筛选', 'Filter by type'],
  'organizations.create': ['新建机构', 'New organization'],
  'organizations.edit': ['编辑机构', 'Edit organization'],
  'organizations.type': ['机构类型', 'Type'],
  'organizations.name': ['机构名称', 'Name'],
  'organizations.nameTooShort': ['名称至少 2 个字', 'At least 2 characters'],
  'organizations.code': ['统一社会信用代码', 'Unified social credit code'],
  'organizations.codeInvalid': [
    '统一社会信用代码为 18 位数字或大写字母',
    '18 digits or capital letters',
  ],
  'organizations.division': ['所在乡镇/村', 'Township / village'],
  'organizations.divisionPlaceholder': [
    '选择乡镇，可继续选择村',
    'Pick a township, then optionally a village',
  ],
  'organizations.address': ['详细地址', 'Address'],
  'organizations.contactName': ['联系人', 'Contact'],
  'organizations.contactPhone': ['联系电话', 'Contact phone'],
  'organizations.contactPhoneInvalid': [
    '请输入手机号或固定电话',
    'Enter a mobile or landline number',
  ],
  'organizations.parent': ['上级机构', 'Parent organization'],
  'organizations.status.active': ['正常', 'Active'],
  'organizations.status.suspended': ['已暂停', 'Suspended'],
  'organizations.suspend': ['暂停', 'Suspend'],
  'organizations.activate': ['恢复', 'Reactivate'],
  'organizations.suspendConfirm': [
    '确定暂停“{name}”吗？暂停后该机构的用户将无法办理业务。',
    'Suspend “{name}”? Its users can no longer act for it.',
  ],
  'organizations.suspended': ['已暂停“{name}”', '“{name}” suspended'],
  'organizations.activated': ['已恢复“{name}”', '“{name}” reactivated'],
  'organizations.created': ['已创建机构“{name}”', 'Organization “{name}” created'],
  'organizations.empty': ['暂无机构', 'No organizations'],
} as const satisfies MessageTable
