import { Type, type Static } from 'typebox'
import { Nullable } from '../http/index.js'

export const SMS_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const
export type SmsStatus = (typeof SMS_STATUSES)[number]

/**
 * The SMS outbox: a message is written in the same transaction as the event that causes it and
 * sent afterwards by the dispatcher, so a rolled-back scan never texts anybody and a crash between
 * commit and send loses nothing.
 */
export interface SmsOutboxTable {
  id: string
  phone: string
  template: string
  params_json: string
  status: SmsStatus
  created_at: string
  sent_at: string | null
  attempts: number
  /** Earliest time of the next attempt; null means as soon as possible. */
  next_attempt_at: string | null
  /** A dispatcher holds a `sending` row until then; after it another dispatcher may take it. */
  locked_until: string | null
  provider: string | null
  provider_message_id: string | null
  /** The text as the provider rendered it (local provider) or null when only the provider knows. */
  body: string | null
  last_error: string | null
}

export interface NotificationTables {
  sms_outbox: SmsOutboxTable
}

export const SmsMessage = Type.Object({
  id: Type.String(),
  phone: Type.String({ description: 'masked: 139****5678' }),
  template: Type.String(),
  body: Nullable(Type.String()),
  status: Type.Enum(SMS_STATUSES),
  attempts: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  sentAt: Nullable(Type.String({ format: 'date-time' })),
  nextAttemptAt: Nullable(Type.String({ format: 'date-time' })),
  provider: Nullable(Type.String()),
  lastError: Nullable(Type.String()),
})
export type SmsMessage = Static<typeof SmsMessage>
