// What other folders may use of background jobs.
export { startPeriodicJob, type PeriodicJob } from './periodic-job.js'
