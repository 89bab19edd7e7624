// What other folders may use of background jobs.
export { heldLeases, claimLease, releaseLease } from './lease.js'
export { NODE_ID } from './node-id.js'
export { startPeriodicJob, type PeriodicJob, type PeriodicJobOptions } from './periodic-job.js'
export type { JobTables } from './schema.js'
