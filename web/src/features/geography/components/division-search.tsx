import { Input, List, Typography } from 'antd'
import { useState } from 'react'
import type { DivisionMatch } from '../../../lib/api-types'
import { errorMessage } from '../../../lib/error-message'
import { useI18n } from '../../../lib/i18n'
import { searchDivisions } from '../api/divisions'

/** Finds divisions by name or code; picking a match jumps to it in the tree. */
export function DivisionSearch({ onPick }: { onPick: (match: DivisionMatch) => void }) {
  const { t } = useI18n()
  const [matches, setMatches] = useState<DivisionMatch[] | null>(null)
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function search(value: string) {
    const q = value.trim()
    setError(null)
    if (!q) {
      setMatches(null)
      return
    }
    setLoading(true)
    try {
      setMatches(await searchDivisions(q))
    } catch (caught) {
      setError(errorMessage(caught, t))
    } finally {
      setLoading(false)
    }
  }

  return (
    <div style={{ marginBottom: 12 }}>
      <Input.Search
        allowClear
        placeholder={t('geography.searchPlaceholder')}
        aria-label={t('common.search')}
        loading={loading}
        onSearch={(value) => void search(value)}
      />
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      {matches && (
        <List<DivisionMatch>
          size="small"
          header={t('geography.matches', { count: matches.length })}
          locale={{ emptyText: t('geography.noMatches') }}
          dataSource={matches}
          style={{ maxHeight: 240, overflow: 'auto' }}
          renderItem={(match) => (
            <List.Item style={{ cursor: 'pointer' }} onClick={() => onPick(match)}>
              <Typography.Link>{match.path.join(' / ')}</Typography.Link>
            </List.Item>
          )}
        />
      )}
    </div>
  )
}
