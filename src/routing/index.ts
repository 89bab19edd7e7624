export {
  solve,
  DEFAULT_SOLVE_OPTIONS,
  DEFAULT_TUNING,
  type SearchTuning,
  type SolveOptions,
  type SolveProgress,
} from './solve.js'
export {
  checkSolution,
  evaluateRoute,
  type CheckInput,
  type CheckResult,
  type RouteEvaluation,
} from './check-solution.js'
export type { Amount, Job, Objective, Problem, TimeWindow, Vehicle } from './problem.js'
export type {
  Route,
  RoutePlan,
  Solution,
  SolveImprovement,
  SolveStats,
  UnassignedJob,
  UnassignedReason,
  Visit,
} from './solution.js'
export {
  createGivenMatrix,
  travelDistance,
  travelTime,
  type GeoPoint,
  type TravelMatrix,
  type TravelMatrixProvider,
} from './matrix/travel-matrix.js'
export {
  buildStraightLineMatrix,
  createStraightLineProvider,
  haversineM,
  type StraightLineOptions,
} from './matrix/straight-line.js'
export { createOsrmProvider, fetchOsrmMatrix, type OsrmOptions } from './matrix/osrm.js'
export type { Brand, CubicMeters, Kilograms, Meters, Seconds } from './units.js'
