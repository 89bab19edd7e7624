import { Card, Col, Descriptions, Row, Tag, Typography } from 'antd'
import type { AuditEntry, AuditSnapshot } from '../../../lib/api-types'
import { useI18n } from '../../../lib/i18n'
import { changedKeys } from './changed-keys'

/** Before and after side by side, with the keys that changed highlighted on both sides. */
export function AuditEntryDetail({ entry }: { entry: AuditEntry }) {
  const { t } = useI18n()
  const changed = changedKeys(entry.before, entry.after)
  return (
    <>
      <Descriptions size="small" column={3} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('audit.outcome')}>
          <Tag color={entry.outcome === 'denied' ? 'red' : 'green'}>
            {t(`audit.outcome.${entry.outcome}`)}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('audit.action')}>
          <Typography.Text code>{entry.action}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('audit.requestId')}>
          {entry.requestId ?? t('common.none')}
        </Descriptions.Item>
      </Descriptions>
      <Row gutter={16}>
        <Col span={12}>
          <Snapshot title={t('audit.before')} snapshot={entry.before} changed={changed} />
        </Col>
        <Col span={12}>
          <Snapshot title={t('audit.after')} snapshot={entry.after} changed={changed} />
        </Col>
      </Row>
    </>
  )
}

function Snapshot({
  title,
  snapshot,
  changed,
}: {
  title: string
  snapshot: AuditSnapshot | null
  changed: Set<string>
}) {
  const { t } = useI18n()
  return (
    <Card size="small" title={title}>
      {snapshot === null ? (
        <Typography.Text type="secondary">{t('audit.noSnapshot')}</Typography.Text>
      ) : (
        <pre style={{ margin: 0, fontSize: 12, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
          {'{\n'}
          {Object.entries(snapshot).map(([key, value], index, entries) => (
            <div
              key={key}
              data-changed={changed.has(key) || undefined}
              style={changed.has(key) ? CHANGED_STYLE : undefined}
            >
              {`  ${JSON.stringify(key)}: ${JSON.stringify(value, null, 2).replace(/\n/g, '\n  ')}`}
              {index < entries.length - 1 && ','}
            </div>
          ))}
          {'}'}
        </pre>
      )}
    </Card>
  )
}

// An inset shadow marks the line without shifting its text out of alignment with the others.
const CHANGED_STYLE = { background: '#fff7d6', boxShadow: 'inset 3px 0 #faad14' }
