// What other folders may use of geography: division lookups by code, the loader, /api/geography.
export {
  divisionExists,
  findDivisionLevels,
  findDivisionNames,
  findVillagePlaces,
  type DivisionLevelInfo,
  type VillagePlace,
} from './division-lookups.js'
export { countyCodeProblem } from './county-code.js'
export { findDivisionPaths } from './division-paths.js'
export { loadDivisions, type DivisionInput } from './load-divisions.js'
export { geographyRoutes } from './routes.js'
export type { Division, GeographyTables } from './schema.js'
export {
  findRegion,
  listRegions,
  provinceOf,
  regionPath,
  regionRoutes,
  type Region,
  type RegionLevel,
} from './regions.js'
export { deliverablePlace, findPlaces, type Place } from './places.js'
