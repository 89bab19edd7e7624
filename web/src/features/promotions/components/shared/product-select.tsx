import { Select, Spin } from 'antd'
import { useEffect, useRef, useState } from 'react'
import { useI18n } from '../../../../lib/i18n'
import { searchProducts } from '../../api/catalog'

export interface ProductOption {
  value: string
  label: string
}

interface ProductSelectProps {
  id?: string
  value?: string | string[]
  onChange?: (value: string | string[] | undefined) => void
  multiple?: boolean
  /** Labels for values already chosen (an event being edited). */
  initialOptions?: ProductOption[]
}

/** Products on sale, searched by title as the operator types. */
export function ProductSelect({
  id,
  value,
  onChange,
  multiple,
  initialOptions = [],
}: ProductSelectProps) {
  const { t } = useI18n()
  const [query, setQuery] = useState('')
  const [found, setFound] = useState<ProductOption[]>([])
  const [loading, setLoading] = useState(false)
  const known = useRef(new Map(initialOptions.map((option) => [option.value, option])))

  useEffect(() => {
    const controller = new AbortController()
    setLoading(true)
    const timer = setTimeout(() => {
      searchProducts(query.trim(), controller.signal).then(
        (page) => {
          const options = page.items.map((p) => ({
            value: p.id,
            label: `${p.title}（${p.shopName}）`,
          }))
          options.forEach((option) => known.current.set(option.value, option))
          setFound(options)
          setLoading(false)
        },
        () => {
          if (!controller.signal.aborted) setLoading(false)
        },
      )
    }, 250)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [query])

  // Chosen products stay listed (with their labels) while a new search shows other ones.
  const chosen = (Array.isArray(value) ? value : value ? [value] : [])
    .map((productId) => known.current.get(productId))
    .filter((option) => option !== undefined)
  const options = [...chosen, ...found.filter((o) => !chosen.some((c) => c.value === o.value))]

  return (
    <Select<string | string[]>
      id={id}
      mode={multiple ? 'multiple' : undefined}
      showSearch={{ filterOption: false, onSearch: setQuery }}
      allowClear
      value={value}
      onChange={(next) => onChange?.(next)}
      options={options}
      placeholder={t('promotions.productPlaceholder')}
      notFoundContent={loading ? <Spin size="small" /> : t('promotions.noProducts')}
    />
  )
}
