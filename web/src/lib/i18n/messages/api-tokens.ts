import type { MessageTable } from './message-table'

export const apiTokenMessages = {
  'apiTokens.title': ['API 令牌', 'API tokens'],
  'apiTokens.intro': [
    '令牌供快递公司、网商等外部系统调用接口，以所选机构和角色的权限访问。',
    'Tokens let outside systems (carriers, merchants) call the API with the chosen organization and role.',
  ],
  'apiTokens.create': ['新建令牌', 'New token'],
  'apiTokens.name': ['令牌名称', 'Name'],
  'apiTokens.namePlaceholder': ['例如：邮政揽收系统', 'e.g. Post office pickup system'],
  'apiTokens.createdBy': ['创建人', 'Created by'],
  'apiTokens.lastUsedAt': ['最近使用', 'Last used'],
  'apiTokens.neverUsed': ['从未使用', 'Never'],
  'apiTokens.status.active': ['有效', 'Active'],
  'apiTokens.status.revoked': ['已吊销', 'Revoked'],
  'apiTokens.revoke': ['吊销', 'Revoke'],
  'apiTokens.revokeConfirm': [
    '确定吊销令牌“{name}”吗？使用它的系统将立即无法访问。',
    'Revoke “{name}”? Systems using it lose access at once.',
  ],
  'apiTokens.revoked': ['已吊销令牌“{name}”', 'Token “{name}” revoked'],
  'apiTokens.secretTitle': ['令牌已创建', 'Token created'],
  'apiTokens.secretWarning': [
    '请立即复制并妥善保存此令牌。关闭此窗口后将无法再次查看。',
    'Copy this token now and keep it safe. It will not be shown again after you close this window.',
  ],
  'apiTokens.copy': ['复制令牌', 'Copy token'],
  'apiTokens.copied': ['已复制到剪贴板', 'Copied to the clipboard'],
  'apiTokens.copyFailed': [
    '无法访问剪贴板，请手动选择复制。',
    'Cannot use the clipboard; select and copy the token by hand.',
  ],
  'apiTokens.secretSaved': ['我已保存', 'I have saved it'],
  'apiTokens.empty': ['暂无 API 令牌', 'No API tokens'],
} as const satisfies MessageTable
