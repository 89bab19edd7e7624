// The O2O stores' counter sales and their local share (SVC-1, KPI-5).
export { posRoutes } from './pos-routes.js'
