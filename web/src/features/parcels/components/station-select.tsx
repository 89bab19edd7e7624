import { Select } from 'antd'
import { useEffect, useState } from 'react'
import type { Site } from '../../../lib/api-types'
import { useI18n } from '../../../lib/i18n'
import { searchVillageStations } from '../api/resolve-destination'

const SEARCH_DELAY_MS = 250

/** Picks a village station by searching the network list. */
export function StationSelect({
  value,
  onChange,
}: {
  value: string | undefined
  onChange: (id: string | undefined) => void
}) {
  const { t } = useI18n()
  const [query, setQuery] = useState('')
  const [sites, setSites] = useState<Site[]>([])
  const [loading, setLoading] = useState(false)

  useEffect(() => {
    const controller = new AbortController()
    const timer = setTimeout(() => {
      setLoading(true)
      searchVillageStations(query, controller.signal)
        .then((page) => setSites(page.items))
        .catch(() => setSites([]))
        .finally(() => {
          if (!controller.signal.aborted) setLoading(false)
        })
    }, SEARCH_DELAY_MS)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [query])

  return (
    <Select<string>
      value={value}
      allowClear
      loading={loading}
      showSearch={{ filterOption: false, onSearch: setQuery }}
      placeholder={t('parcels.resolveSearch')}
      aria-label={t('parcels.resolveLabel')}
      onChange={onChange}
      options={sites.map((site) => ({ value: site.id, label: site.name }))}
      style={{ width: '100%' }}
    />
  )
}
