import { Card, Empty, Spin } from 'antd'
import { useMemo } from 'react'
// The county outline is data, not server code: bundled once, drawn without tiles or network.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- vector data (JSON), not code
import outline from '../../../../../src/demo/wutai/outline.json'
import { EChart, registerGeoMap, type EChartOption } from '../../../components/echart'
import { LoadErrorResult } from '../../../components/status-result'
import type { Site, SiteKind } from '../../../lib/api-types'
import { useCounty } from '../../../lib/county'
import { useI18n } from '../../../lib/i18n'
import type { RequestState } from '../../../lib/use-request'

export const MAP = 'wutai'
registerGeoMap(MAP, {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { name: outline.name },
      geometry: { type: 'Polygon', coordinates: [outline.ring] },
    },
  ],
})

export const KIND_COLOR: Record<SiteKind, string> = {
  hub: '#cf1322',
  township: '#1677ff',
  village: '#2f7d32',
}
const KIND_SIZE: Record<SiteKind, number> = { hub: 16, township: 11, village: 7 }
const KINDS: SiteKind[] = ['hub', 'township', 'village']

/** The county outline with every site; hollow points have a generated, unverified position. */
export function SiteMap({
  sites,
  onSelect,
}: {
  sites: RequestState<Site[]>
  onSelect: (id: string) => void
}) {
  const { t } = useI18n()
  const title = t('network.map', { county: useCounty()?.name ?? '' })
  const data = sites.data
  const option = useMemo<EChartOption | null>(() => {
    if (!data) return null
    const located = data.filter((site) => site.lat !== null && site.lon !== null)
    const point = (site: Site) => ({
      id: site.id,
      name: site.name,
      value: [site.lon, site.lat],
      symbolSize: KIND_SIZE[site.kind],
      itemStyle: site.coordinatesApproximate
        ? { color: '#fff', borderColor: KIND_COLOR[site.kind], borderWidth: 1.5 }
        : { color: KIND_COLOR[site.kind], borderColor: '#fff', borderWidth: 1 },
    })
    return {
      tooltip: { trigger: 'item' },
      legend: {
        data: [
          ...KINDS.map((kind) => t(`network.kind.${kind}`)),
          { name: t('network.approximate'), icon: 'emptyCircle' },
        ],
        bottom: 0,
      },
      geo: {
        map: MAP,
        roam: true,
        aspectScale: 0.78, // cos(38.8°): a degree of longitude is shorter than one of latitude here
        layoutCenter: ['50%', '46%'],
        layoutSize: '92%',
        itemStyle: { areaColor: '#f3f8f1', borderColor: '#7a9a72', borderWidth: 1.5 },
        emphasis: { disabled: true },
        label: { show: false },
        tooltip: { show: false },
      },
      series: [
        ...KINDS.map((kind) => ({
          type: 'scatter' as const,
          coordinateSystem: 'geo',
          name: t(`network.kind.${kind}`),
          itemStyle: { color: KIND_COLOR[kind] },
          z: kind === 'hub' ? 4 : kind === 'township' ? 3 : 2,
          data: located
            .filter((site) => site.kind === kind && !site.coordinatesApproximate)
            .map(point),
        })),
        {
          type: 'scatter' as const,
          coordinateSystem: 'geo',
          name: t('network.approximate'),
          symbol: 'circle',
          // The series colour only draws the legend's hollow icon; each point has its kind's colour.
          itemStyle: { color: '#595959', borderColor: '#595959', borderWidth: 1.5 },
          z: 1,
          data: located.filter((site) => site.coordinatesApproximate).map(point),
        },
      ],
    }
  }, [data, t])

  return (
    <Card size="small" title={title}>
      {sites.error ? (
        <LoadErrorResult error={sites.error} onRetry={sites.reload} />
      ) : !option || !data ? (
        <Spin description={t('network.mapLoading')}>
          <div style={{ height: 520 }} />
        </Spin>
      ) : data.length === 0 ? (
        <Empty description={t('network.mapEmpty')} />
      ) : (
        <EChart option={option} height={520} ariaLabel={title} onItemClick={onSelect} />
      )}
    </Card>
  )
}
