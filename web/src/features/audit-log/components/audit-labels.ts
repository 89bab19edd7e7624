import type { MessageKey, Translate } from '../../../lib/i18n'
import { messages } from '../../../lib/i18n/messages'

// Actions and entity types are open-ended strings; known ones get a name, others show as sent.
export const KNOWN_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'access.denied',
  'user.create',
  'user.update',
  'user.set_password',
  'membership.create',
  'membership.delete',
  'organization.create',
  'organization.update',
  'api_token.create',
  'api_token.revoke',
  'sms.login_code_surge',
] as const

export const KNOWN_ENTITY_TYPES = ['user', 'organization', 'api_token', 'route', 'sms'] as const

function labelOr(t: Translate, key: string, fallback: string): string {
  return key in messages ? t(key as MessageKey) : fallback
}

export const actionLabel = (t: Translate, action: string) =>
  labelOr(t, `audit.actionName.${action}`, action)
export const entityTypeLabel = (t: Translate, type: string) =>
  labelOr(t, `audit.entityType.${type}`, type)
