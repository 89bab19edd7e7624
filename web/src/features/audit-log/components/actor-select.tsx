import { Select } from 'antd'
import { useEffect, useState } from 'react'
import type { User } from '../../../lib/api-types'
import { useI18n } from '../../../lib/i18n'
import { searchActors } from '../api/search-actors'

const SEARCH_DELAY_MS = 250

export function ActorSelect({
  value,
  onChange,
}: {
  value: string | undefined
  onChange: (id: string | undefined) => void
}) {
  const { t } = useI18n()
  const [query, setQuery] = useState('')
  const [users, setUsers] = useState<User[]>([])

  useEffect(() => {
    const controller = new AbortController()
    const timer = setTimeout(() => {
      searchActors(query, controller.signal)
        .then((page) => setUsers(page.items))
        .catch(() => setUsers([]))
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
      showSearch={{ filterOption: false, onSearch: setQuery }}
      placeholder={t('audit.filterActor')}
      aria-label={t('audit.filterActor')}
      onChange={onChange}
      options={users.map((user) => ({
        value: user.id,
        label: `${user.displayName}（${user.username}）`,
      }))}
      style={{ width: 220 }}
    />
  )
}
