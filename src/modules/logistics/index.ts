// What other modules and the server may use of logistics.
export { planRoutes } from './plan-routes.js'
export {
  failAbandonedPlans,
  plansInFlight,
  runPlan,
  startPlan,
  type RunPlanOptions,
} from './plans.js'
export { logisticsReportRoutes } from './report-routes.js'
export { logisticsRoutes, trackingRoutes } from './routes.js'
export { uplinkRoutes } from './uplink-routes.js'
export { listAllianceCarriers, type CarrierOption } from './carriers.js'
export type { LogisticsSiteTable } from './schema.js'
export type { VehicleTable } from './dispatch-schema.js'
export type { ScanListener } from './scans.js'
export { PARCEL_STATUSES, replayScans, type ParcelStatus, type ScanType } from './parcel-status.js'
export {
  announceHubParcel,
  handOverAtStation,
  parcelProgressOf,
  recordCarrierShipment,
  villageStationOf,
  type ParcelProgress,
} from './hub-parcels.js'
