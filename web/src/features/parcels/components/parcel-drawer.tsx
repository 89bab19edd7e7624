import {
  App,
  Alert,
  Button,
  Descriptions,
  Drawer,
  Empty,
  Flex,
  Spin,
  Timeline,
  Typography,
} from 'antd'
import { useState } from 'react'
import { LoadErrorResult } from '../../../components/status-result'
import type { Parcel } from '../../../lib/api-types'
import { errorMessage } from '../../../lib/error-message'
import { formatDateTime, formatYuan } from '../../../lib/format'
import { useI18n } from '../../../lib/i18n'
import { useParcel } from '../api/get-parcels'
import { resolveDestination } from '../api/resolve-destination'
import { ParcelStatusTag } from './parcel-status-tag'
import { StationSelect } from './station-select'

interface ParcelDrawerProps {
  parcel: Parcel
  canManage: boolean
  onClose: () => void
  onChanged: () => void
}

/** One parcel with its scan trail; a clerk picks the station of an unmatched one here. */
export function ParcelDrawer({ parcel, canManage, onClose, onChanged }: ParcelDrawerProps) {
  const { t, language } = useI18n()
  const detail = useParcel(parcel.id)
  const shown = detail.data ?? { ...parcel, events: [] }
  return (
    <Drawer
      open
      title={`${t('parcels.detail')} · ${parcel.waybillNo}`}
      size="large"
      onClose={onClose}
    >
      {detail.error ? (
        <LoadErrorResult error={detail.error} onRetry={detail.reload} />
      ) : (
        <>
          <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('parcels.status')}>
              <ParcelStatusTag status={shown.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('parcels.carrier')}>{shown.carrierName}</Descriptions.Item>
            <Descriptions.Item label={t('parcels.recipient')}>
              {shown.recipientName} {shown.recipientPhone}
            </Descriptions.Item>
            <Descriptions.Item label={t('parcels.address')}>{shown.address}</Descriptions.Item>
            <Descriptions.Item label={t('parcels.destination')}>
              {shown.destinationName ?? (
                <Typography.Text type="danger">{t('parcels.unmatched')}</Typography.Text>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('parcels.weight')}>{shown.weightKg}</Descriptions.Item>
            {shown.codFen > 0 && (
              <Descriptions.Item label={t('parcels.cod')}>
                {formatYuan(shown.codFen)}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('parcels.receivedAt')}>
              {formatDateTime(shown.receivedAt, language)}
            </Descriptions.Item>
            <Descriptions.Item label={t('parcels.dueAt')}>
              {formatDateTime(shown.dueAt, language)}
            </Descriptions.Item>
            <Descriptions.Item label={t('parcels.arrivedAt')}>
              {formatDateTime(shown.arrivedAt, language)}
            </Descriptions.Item>
          </Descriptions>
          {canManage && shown.destinationSiteId === null && (
            <ResolveStation
              parcelId={parcel.id}
              onResolved={() => {
                detail.reload()
                onChanged()
              }}
            />
          )}
          <Typography.Title level={5}>{t('parcels.trail')}</Typography.Title>
          {detail.loading && !detail.data ? (
            <Spin />
          ) : shown.events.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('parcels.noEvents')} />
          ) : (
            <Timeline
              items={shown.events.map((event) => ({
                key: event.id,
                content: (
                  <>
                    <Typography.Text strong>{t(`scanType.${event.type}`)}</Typography.Text>
                    {event.siteName && <Typography.Text> · {event.siteName}</Typography.Text>}
                    <br />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(event.at, language)}
                      {event.actorName && ` · ${event.actorName}`}
                      {event.note && ` · ${event.note}`}
                    </Typography.Text>
                  </>
                ),
              }))}
            />
          )}
        </>
      )}
    </Drawer>
  )
}

function ResolveStation({ parcelId, onResolved }: { parcelId: string; onResolved: () => void }) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const [siteId, setSiteId] = useState<string>()
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<unknown>(null)

  async function save() {
    if (!siteId) return
    setSaving(true)
    setError(null)
    try {
      await resolveDestination(parcelId, siteId)
      void message.success(t('parcels.resolved'))
      onResolved()
    } catch (caught) {
      setError(caught)
    } finally {
      setSaving(false)
    }
  }

  return (
    <div style={{ marginBottom: 16 }}>
      <Typography.Text strong>{t('parcels.resolve')}</Typography.Text>
      <Flex gap={8} style={{ marginTop: 8 }}>
        <StationSelect value={siteId} onChange={setSiteId} />
        <Button type="primary" disabled={!siteId} loading={saving} onClick={() => void save()}>
          {t('common.save')}
        </Button>
      </Flex>
      {error !== null && (
        <Alert type="error" showIcon title={errorMessage(error, t)} style={{ marginTop: 8 }} />
      )}
    </div>
  )
}
