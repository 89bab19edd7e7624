import { BarChart, LineChart, ScatterChart } from 'echarts/charts'
import { GeoComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { init, registerMap, use, type ComposeOption, type EChartsType } from 'echarts/core'
import type { BarSeriesOption, LineSeriesOption, ScatterSeriesOption } from 'echarts/charts'
import type {
  GeoComponentOption,
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
} from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'
import { useEffect, useRef } from 'react'

// Only the pieces the console draws, so the chart chunk stays small.
use([
  LineChart,
  BarChart,
  ScatterChart,
  GeoComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
])

/** A map drawn from vector outlines (GeoJSON), for `geo` components: no tiles, no network. */
export function registerGeoMap(name: string, geoJson: Parameters<typeof registerMap>[1]): void {
  registerMap(name, geoJson)
}

export type EChartOption = ComposeOption<
  | LineSeriesOption
  | BarSeriesOption
  | ScatterSeriesOption
  | GeoComponentOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
>

/** An ECharts canvas that follows its option and its container's width. */
export function EChart({
  option,
  height = 320,
  ariaLabel,
  onItemClick,
  onMapClick,
}: {
  option: EChartOption
  height?: number
  ariaLabel: string
  /** Called with the clicked data item's `id`, when the item has one. */
  onItemClick?: (id: string) => void
  /** Called with [lon, lat] of a click anywhere on the first `geo` component (placing a point). */
  onMapClick?: (lonLat: [number, number]) => void
}) {
  const element = useRef<HTMLDivElement>(null)
  const chart = useRef<EChartsType | null>(null)

  useEffect(() => {
    if (!element.current) return
    const instance = init(element.current)
    chart.current = instance
    const observer = new ResizeObserver(() => instance.resize())
    observer.observe(element.current)
    return () => {
      observer.disconnect()
      instance.dispose()
      chart.current = null
    }
  }, [])

  useEffect(() => {
    chart.current?.setOption(option, true)
  }, [option])

  useEffect(() => {
    const instance = chart.current
    if (!instance || !onItemClick) return
    const handler = (params: { data?: unknown }) => {
      const data = params.data as { id?: unknown } | undefined
      if (typeof data?.id === 'string') onItemClick(data.id)
    }
    instance.on('click', handler)
    return () => {
      instance.off('click', handler)
    }
  }, [onItemClick])

  useEffect(() => {
    const instance = chart.current
    if (!instance || !onMapClick) return
    const zr = instance.getZr()
    const handler = (event: { offsetX: number; offsetY: number }) => {
      const point = [event.offsetX, event.offsetY]
      if (!instance.containPixel({ geoIndex: 0 }, point)) return
      const [lon, lat] = instance.convertFromPixel({ geoIndex: 0 }, point)
      if (typeof lon === 'number' && typeof lat === 'number') onMapClick([lon, lat])
    }
    zr.on('click', handler)
    return () => {
      zr.off('click', handler)
    }
  }, [onMapClick])

  return <div ref={element} role="img" aria-label={ariaLabel} style={{ width: '100%', height }} />
}
