import { formatLeft, useServerNow } from '../use-server-clock'

/** Time left until `endsAt`, counted on the server's clock (the phone's may be minutes off). */
export function TimeLeft({
  endsAt,
  serverTime,
  label = '剩余时间',
}: {
  endsAt: string
  serverTime: string
  label?: string
}) {
  const now = useServerNow(serverTime) ?? Date.parse(serverTime)
  const ended = Date.parse(endsAt) <= now
  return (
    <p className="h5-time-left" data-testid="time-left">
      {label} <strong>{ended ? '已结束' : formatLeft(endsAt, now)}</strong>
    </p>
  )
}
