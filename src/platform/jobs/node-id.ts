import { randomBytes } from 'node:crypto'
import { hostname } from 'node:os'

/**
 * This process among the app nodes on one database (issue 14): the holder written into the
 * leases it takes. Random per process, so a restarted node never mistakes an old lease for its own.
 */
export const NODE_ID = `${hostname()}-${String(process.pid)}-${randomBytes(4).toString('hex')}`
