import type { NewCountySettings } from '../platform/county/index.js'

// Wutai's settings (issue 15): the county, the signature its texts go out under, its public brand
// 五台斋选 (the plan's 县域公共品牌) and the targets of the plan's indicator table
// (REQUIREMENTS.md, KPI-1 … KPI-9; the rest are trends without a number).
export const WUTAI_COUNTY_SETTINGS: NewCountySettings = {
  code: '140922',
  name: '五台县',
  smsSignature: '五台村通',
  brandName: '五台斋选',
  kpiTargets: [
    { key: 'KPI-1', target: 100, unit: '%' },
    { key: 'KPI-2', target: 1000, unit: '人次' },
    { key: 'KPI-3', target: 50, unit: '家' },
    { key: 'KPI-4', target: 5, unit: '家' },
    { key: 'KPI-5', target: 5, unit: '家' },
    { key: 'KPI-5-local-share', target: 80, unit: '%' },
    { key: 'KPI-6', target: 5, unit: '个' },
    { key: 'KPI-7', target: 5, unit: '场' },
    { key: 'KPI-8', target: 2, unit: '场' },
    { key: 'KPI-9', target: 2, unit: '场' },
  ],
}
