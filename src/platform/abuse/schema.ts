// Counters of the abuse limits (texted codes per address and per hour, used challenges), kept in
// the database so every app node shares them.

export interface RateLimitTable {
  /** What is counted, e.g. `login-code:ip:203.0.113.7`. */
  key: string
  hits: number
  window_started_at: string
}

export interface AbuseTables {
  rate_limit: RateLimitTable
}
