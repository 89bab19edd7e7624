import { Cascader } from 'antd'
import { useEffect, useState } from 'react'
import type { Division } from '../lib/api-types'
import { useI18n } from '../lib/i18n'
import { getDivision, getDivisions } from '../lib/divisions'

interface DivisionOption {
  value: string
  label: string
  isLeaf: boolean
  children?: DivisionOption[]
}

const toOption = (division: Division): DivisionOption => ({
  value: division.code,
  label: division.name,
  isLeaf: division.level === 'village' || division.childCount === 0,
})

/** Path of codes from township down to `code`, if that part of the tree is loaded. */
function findPath(options: DivisionOption[], code: string): string[] | null {
  for (const township of options) {
    if (township.value === code) return [code]
    if (township.children?.some((village) => village.value === code)) return [township.value, code]
  }
  return null
}

function withChildren(
  options: DivisionOption[],
  parentCode: string,
  children: DivisionOption[],
): DivisionOption[] {
  return options.map((option) => (option.value === parentCode ? { ...option, children } : option))
}

interface DivisionCascaderProps {
  value?: string | null
  onChange?: (code: string | null) => void
  id?: string
}

/** Picks a township, or a village within it; villages load when their township is opened. */
export function DivisionCascader({ value, onChange, id }: DivisionCascaderProps) {
  const { t } = useI18n()
  const [options, setOptions] = useState<DivisionOption[]>([])

  useEffect(() => {
    const controller = new AbortController()
    void (async () => {
      const [county] = await getDivisions()
      if (!county) return
      const townships = (await getDivisions(county.code)).map(toOption)
      if (!controller.signal.aborted) setOptions(townships)
    })().catch(() => undefined) // without geography the field simply stays empty
    return () => controller.abort()
  }, [])

  // An existing village code needs its township's villages loaded before it can be shown.
  const path = value ? findPath(options, value) : null
  const needsParent = Boolean(value) && options.length > 0 && path === null
  useEffect(() => {
    if (!needsParent || !value) return
    void (async () => {
      const division = await getDivision(value)
      if (!division.parentCode) return
      const villages = (await getDivisions(division.parentCode)).map(toOption)
      setOptions((current) => withChildren(current, division.parentCode ?? '', villages))
    })().catch(() => undefined)
  }, [needsParent, value])

  async function loadData(selected: DivisionOption[]) {
    const township = selected[selected.length - 1]
    if (!township || township.children) return
    const villages = (await getDivisions(township.value)).map(toOption)
    setOptions((current) => withChildren(current, township.value, villages))
  }

  return (
    <Cascader<DivisionOption>
      id={id}
      options={options}
      value={path ?? undefined}
      loadData={(selected) => void loadData(selected)}
      changeOnSelect
      allowClear
      showSearch={false}
      placeholder={t('organizations.divisionPlaceholder')}
      onChange={(codes: string[] | undefined) => onChange?.(codes?.[codes.length - 1] ?? null)}
    />
  )
}
