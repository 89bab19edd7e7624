import type { Language } from './language'
import { messages, type MessageKey } from './messages'

export type MessageParams = Record<string, string | number>
export type Translate = (key: MessageKey, params?: MessageParams) => string

/**
 * Looks a message up and fills `{name}` placeholders from params. Keys are checked at compile
 * time, but some are built from server values (a permission added on the server before the web
 * knows it), so a missing key shows as itself instead of breaking the page.
 */
export function translate(language: Language, key: MessageKey, params?: MessageParams): string {
  const entry = messages[key] as (typeof messages)[MessageKey] | undefined
  if (!entry) return key
  const [zh, en] = entry
  const text = language === 'en' ? en : zh
  if (!params) return text
  return text.replace(/\{(\w+)\}/g, (match: string, name: string) =>
    name in params ? String(params[name]) : match,
  )
}
