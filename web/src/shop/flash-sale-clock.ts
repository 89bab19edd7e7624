import type { FlashSession } from './api/promotions'
import { formatLeft } from './use-server-clock'

/** 距开始 / 距结束 with the time, or why nobody can buy now; `now` is the server's clock. */
export function sessionClock(
  session: FlashSession,
  now: number,
): { started: boolean; text: string } {
  if (Date.parse(session.endsAt) <= now) return { started: false, text: '已结束' }
  if (session.status === 'paused') return { started: false, text: '暂停中' }
  return Date.parse(session.startsAt) <= now
    ? { started: true, text: `距结束 ${formatLeft(session.endsAt, now)}` }
    : { started: false, text: `距开始 ${formatLeft(session.startsAt, now)}` }
}
