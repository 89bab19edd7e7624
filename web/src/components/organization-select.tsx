import { Select } from 'antd'
import { useEffect, useRef, useState } from 'react'
import type { Organization } from '../lib/api-types'
import { useI18n } from '../lib/i18n'
import { getOrganization, searchOrganizations } from '../lib/reference-data'

interface OrganizationSelectProps {
  value?: string | null
  onChange?: (id: string | undefined, organization: Organization | undefined) => void
  placeholder?: string
  allowClear?: boolean
  activeOnly?: boolean
  style?: React.CSSProperties
  id?: string
  'aria-label'?: string
}

const SEARCH_DELAY_MS = 250

/** Picks one organization by searching the server; the list is already scoped to what the user may see. */
export function OrganizationSelect({
  value,
  onChange,
  activeOnly,
  ...props
}: OrganizationSelectProps) {
  const { t } = useI18n()
  const [query, setQuery] = useState('')
  const [options, setOptions] = useState<Organization[]>([])
  const [loading, setLoading] = useState(false)
  const known = useRef(new Map<string, Organization>())

  useEffect(() => {
    const controller = new AbortController()
    const timer = setTimeout(() => {
      setLoading(true)
      searchOrganizations(query, controller.signal)
        .then((page) => {
          page.items.forEach((organization) => known.current.set(organization.id, organization))
          setOptions(page.items)
        })
        .catch(() => setOptions([])) // a failed search just offers nothing to pick
        .finally(() => {
          if (!controller.signal.aborted) setLoading(false)
        })
    }, SEARCH_DELAY_MS)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [query])

  // A value from the URL may not be in the first page of results; fetch it for its label.
  useEffect(() => {
    if (!value || known.current.has(value)) return
    const controller = new AbortController()
    getOrganization(value, controller.signal)
      .then((organization) => {
        known.current.set(organization.id, organization)
        setOptions((current) =>
          current.some((o) => o.id === value) ? current : [organization, ...current],
        )
      })
      .catch(() => undefined)
    return () => controller.abort()
  }, [value])

  const visible = activeOnly ? options.filter((o) => o.status === 'active') : options
  return (
    <Select<string>
      {...props}
      value={value ?? undefined}
      placeholder={props.placeholder ?? t('common.selectOrganization')}
      showSearch={{ filterOption: false, onSearch: setQuery }}
      loading={loading}
      options={visible.map((organization) => ({
        value: organization.id,
        label: `${organization.name}（${t(`orgType.${organization.type}`)}）`,
      }))}
      onChange={(id) => onChange?.(id, id ? known.current.get(id) : undefined)}
      notFoundContent={loading ? t('common.loading') : undefined}
    />
  )
}
