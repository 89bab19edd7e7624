/** Times are stored as ISO-8601 UTC text: SQLite and PostgreSQL read it the same way. */
export const nowIso = (): string => new Date().toISOString()

export const addSeconds = (iso: string, seconds: number): string =>
  new Date(Date.parse(iso) + seconds * 1000).toISOString()
