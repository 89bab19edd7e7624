import { Card } from 'antd'
import { useMemo } from 'react'
import { EChart, type EChartOption } from '../../../components/echart'
import { useI18n } from '../../../lib/i18n'
import { MAP } from './site-map'

/**
 * The county outline (vector data, no tiles): a click places the point, which the form then
 * holds as typed coordinates; the point shows where the coordinates are.
 */
export function LocationPicker({
  lat,
  lon,
  onPick,
}: {
  lat: number | null | undefined
  lon: number | null | undefined
  onPick: (lat: number, lon: number) => void
}) {
  const { t } = useI18n()
  const option = useMemo<EChartOption>(
    () => ({
      geo: {
        map: MAP,
        roam: false,
        aspectScale: 0.78,
        layoutCenter: ['50%', '50%'],
        layoutSize: '95%',
        itemStyle: { areaColor: '#f3f8f1', borderColor: '#7a9a72', borderWidth: 1.5 },
        emphasis: { disabled: true },
        label: { show: false },
        tooltip: { show: false },
      },
      series: [
        {
          type: 'scatter' as const,
          coordinateSystem: 'geo',
          symbolSize: 14,
          itemStyle: { color: '#cf1322', borderColor: '#fff', borderWidth: 2 },
          data: lat != null && lon != null ? [{ name: 'picked', value: [lon, lat] }] : [],
        },
      ],
    }),
    [lat, lon],
  )
  return (
    <Card size="small" title={t('network.pickOnMap')} data-testid="location-picker">
      <EChart
        option={option}
        height={260}
        ariaLabel={t('network.pickOnMap')}
        onMapClick={([pickedLon, pickedLat]) =>
          onPick(Number(pickedLat.toFixed(6)), Number(pickedLon.toFixed(6)))
        }
      />
    </Card>
  )
}
