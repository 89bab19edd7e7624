import { useEffect, useState } from 'react'

/**
 * The server's clock, ticking every second: the offset to the phone's clock is taken once, from
 * the first `serverTime` the API gave, so a phone set wrong still counts down correctly.
 * Returns undefined until the first answer arrives.
 */
export function useServerNow(serverTime: string | undefined): number | undefined {
  const [offset, setOffset] = useState<number>()
  const [phoneNow, setPhoneNow] = useState(() => Date.now())
  if (offset === undefined && serverTime !== undefined) {
    setOffset(Date.parse(serverTime) - Date.now())
  }
  useEffect(() => {
    const timer = setInterval(() => setPhoneNow(Date.now()), 1_000)
    return () => clearInterval(timer)
  }, [])
  return offset === undefined ? undefined : phoneNow + offset
}

/** Time left until `until` as 时:分:秒 (with days in front when a day or more). */
export function formatLeft(until: string, now: number): string {
  const total = Math.max(0, Math.floor((Date.parse(until) - now) / 1000))
  const days = Math.floor(total / 86_400)
  const pad = (n: number) => String(n).padStart(2, '0')
  const clock = `${pad(Math.floor((total % 86_400) / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`
  return days > 0 ? `${days}天 ${clock}` : clock
}
