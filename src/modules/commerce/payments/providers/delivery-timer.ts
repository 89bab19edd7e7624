// When the local provider's callbacks go out. The system timer uses the wall clock; tests use
// ManualTimer and move time themselves, so a 10-minute backoff takes no real time.

export interface DeliveryTimer {
  /** Milliseconds since the epoch. */
  now(): number
  /** Runs `run` at (or soon after) atMs; the returned function cancels it. */
  schedule(atMs: number, run: () => Promise<void>): () => void
}

export const systemDeliveryTimer: DeliveryTimer = {
  now: () => Date.now(),
  schedule(atMs, run) {
    const handle = setTimeout(() => void run(), Math.max(0, atMs - Date.now()))
    handle.unref() // pending callbacks never keep the process alive; the store keeps them
    return () => clearTimeout(handle)
  },
}

/** A timer whose clock moves only when told to: advanceBy runs what falls due, in order. */
export class ManualTimer implements DeliveryTimer {
  private tasks: { atMs: number; run: () => Promise<void>; cancelled: boolean }[] = []

  constructor(private nowMs: number) {}

  now(): number {
    return this.nowMs
  }

  schedule(atMs: number, run: () => Promise<void>): () => void {
    const task = { atMs, run, cancelled: false }
    this.tasks.push(task)
    return () => {
      task.cancelled = true
    }
  }

  /** Moves the clock forward, running each task that falls due at its own time. */
  async advanceBy(ms: number): Promise<void> {
    const targetMs = this.nowMs + ms
    for (;;) {
      this.tasks = this.tasks.filter((task) => !task.cancelled)
      const next = this.tasks
        .filter((task) => task.atMs <= targetMs)
        .sort((a, b) => a.atMs - b.atMs)[0]
      if (!next) break
      this.tasks = this.tasks.filter((task) => task !== next)
      this.nowMs = Math.max(this.nowMs, next.atMs)
      await next.run()
    }
    this.nowMs = targetMs
  }
}
