import type { FastifyBaseLogger } from 'fastify'
import type { Db } from '../../db/database.js'
import { type PeriodicJob, startPeriodicJob } from '../jobs/index.js'
import { drainSmsOutbox, type DrainOptions } from './sms-outbox.js'
import type { SmsProvider } from './sms-provider.js'

/** Drains the SMS outbox every few seconds in the background of an app node. */
export const startSmsDispatcher = (
  db: Db,
  provider: SmsProvider,
  log: FastifyBaseLogger,
  options: DrainOptions & { intervalMs?: number } = {},
): PeriodicJob =>
  startPeriodicJob(
    'sms',
    options.intervalMs ?? 5000,
    async () => {
      const result = await drainSmsOutbox(db, provider, options)
      if (result.sent + result.retrying + result.failed > 0) log.info({ sms: result }, 'sms round')
    },
    log,
    { db },
  )
