// What other folders may use of the county settings (issue 15): the county's code, name, SMS
// signature, brand and KPI targets, and /api/county.
export {
  FALLBACK_SMS_SIGNATURE,
  findCountySettings,
  hasCountySettings,
  insertCountySettings,
  smsSignatureOf,
} from './county-settings.js'
export { countyRoutes } from './routes.js'
export {
  type CountySettings,
  type CountyTables,
  type KpiTarget,
  type NewCountySettings,
  type PublicCounty,
} from './schema.js'
