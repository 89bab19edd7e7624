import type { MessageTable } from './message-table'

export const geographyMessages = {
  'geography.title': ['行政区划', 'Geography'],
  'geography.searchPlaceholder': [
    '搜索乡镇、村名称或区划代码',
    'Search townships, villages or codes',
  ],
  'geography.noMatches': ['没有匹配的乡镇或村', 'No matching township or village'],
  'geography.matches': ['搜索结果（{count}）', 'Matches ({count})'],
  'geography.selectHint': [
    '在左侧选择一个乡镇或村查看详情',
    'Pick a township or village to see its details',
  ],
  'geography.detail': ['区划详情', 'Details'],
  'geography.code': ['区划代码', 'Code'],
  'geography.name': ['名称', 'Name'],
  'geography.shortName': ['简称', 'Short name'],
  'geography.level': ['级别', 'Level'],
  'geography.level.county': ['县', 'County'],
  'geography.level.township': ['乡镇', 'Township'],
  'geography.level.village': ['村', 'Village'],
  'geography.coordinates': ['坐标（纬度, 经度）', 'Coordinates (lat, lon)'],
  'geography.noCoordinates': ['暂无坐标', 'No coordinates'],
  'geography.coordinateNote': ['坐标说明', 'Coordinate note'],
  'geography.childCount': ['下级区划数', 'Subdivisions'],
  'geography.scenicArea': ['景区', 'Scenic area'],
  'geography.scenicAreaNote': ['由风景名胜区管理', 'Run by a scenic area’s administration'],
  'geography.empty': ['暂无区划数据', 'No divisions'],
} as const satisfies MessageTable
