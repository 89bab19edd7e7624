/**
 * A background round's claim (issue 14): the node named `holder` runs the round `name` until
 * `expires_at`; another node takes it only after that. Times are ISO-8601 UTC text.
 */
export interface JobLeaseTable {
  name: string
  holder: string
  expires_at: string
}

export interface JobTables {
  job_lease: JobLeaseTable
}
