import {
  Alert,
  Button,
  Card,
  Empty,
  Flex,
  Input,
  List,
  Segmented,
  Space,
  Spin,
  Tabs,
  Typography,
} from 'antd'
import { useState } from 'react'
import { RapidScanner } from '../../../components/scanner/rapid-scanner'
import { LoadErrorResult } from '../../../components/status-result'
import type { Parcel } from '../../../lib/api-types'
import { errorMessage } from '../../../lib/error-message'
import { formatDateTime } from '../../../lib/format'
import { useI18n } from '../../../lib/i18n'
import { useSession } from '../../../lib/session'
import { useRequest } from '../../../lib/use-request'
import { findMyStation, handOverByCode, scanAtStation, useStationParcels } from '../api/station'
import { PickupsPanel } from './pickups-panel'

type StationScanMode = 'arrive' | 'code'

/** The station master's phone page: parcels on the way and waiting, arrivals, hand-overs, pickups. */
export function StationPage() {
  const { t } = useI18n()
  const { me } = useSession()
  const membership = me.memberships.find((m) => m.role === 'station_master')
  const station = useRequest(
    (signal) =>
      membership
        ? findMyStation(membership.organizationId, membership.organizationName, signal)
        : Promise.resolve(null),
    membership?.organizationId ?? '',
  )
  const [version, setVersion] = useState(0)
  const [mode, setMode] = useState<StationScanMode>('arrive')
  const refresh = () => setVersion((n) => n + 1)

  if (station.error) return <LoadErrorResult error={station.error} onRetry={station.reload} />
  if (station.loading && station.data === undefined) return <Spin />
  const site = station.data
  if (!site) return <Empty description={t('station.noStation')} />

  return (
    <Flex vertical gap={12}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {site.name}
      </Typography.Title>
      <Card size="small">
        <Flex vertical gap={8}>
          <Segmented<StationScanMode>
            block
            size="large"
            aria-label={t('station.scanMode')}
            value={mode}
            onChange={setMode}
            options={[
              { value: 'arrive', label: t('station.mode.arrive') },
              { value: 'code', label: t('station.mode.code') },
            ]}
          />
          {mode === 'arrive' ? (
            <RapidScanner
              key="arrive"
              focusKey={mode}
              label={t('station.arriveInput')}
              placeholder={t('hubScan.placeholder')}
              send={async (waybillNo) => {
                const parcel = await scanAtStation(waybillNo, 'arrived')
                refresh()
                return {
                  duplicate: parcel.duplicate,
                  text: t('station.arrived', { waybill: parcel.waybillNo }),
                }
              }}
            />
          ) : (
            <>
              <RapidScanner
                key="code"
                focusKey={mode}
                label={t('station.codeInput')}
                placeholder={t('station.codePlaceholder')}
                inputMode="numeric"
                normalize={(raw) => raw.replace(/\D/g, '')}
                send={async (code) => {
                  const parcel = await handOverByCode(code)
                  refresh()
                  return {
                    duplicate: parcel.duplicate,
                    text: t('station.handedOver', { waybill: parcel.waybillNo }),
                  }
                }}
              />
              <Typography.Text type="secondary">{t('station.tailFallback')}</Typography.Text>
            </>
          )}
        </Flex>
      </Card>
      <Tabs
        items={[
          {
            key: 'incoming',
            label: t('station.incoming'),
            children: <ParcelList status="in_transit" version={version} onChanged={refresh} />,
          },
          {
            key: 'waiting',
            label: t('station.waiting'),
            children: <ParcelList status="at_station" version={version} onChanged={refresh} />,
          },
          {
            key: 'pickups',
            label: t('station.pickups'),
            children: <PickupsPanel site={site} />,
          },
        ]}
      />
    </Flex>
  )
}

function ParcelList({
  status,
  version,
  onChanged,
}: {
  status: 'in_transit' | 'at_station'
  version: number
  onChanged: () => void
}) {
  const { t, language } = useI18n()
  const parcels = useStationParcels(status, version)
  if (parcels.error) return <LoadErrorResult error={parcels.error} onRetry={parcels.reload} />
  return (
    <List<Parcel>
      loading={parcels.loading}
      dataSource={parcels.data?.items ?? []}
      locale={{
        emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('parcels.empty')} />,
      }}
      renderItem={(parcel) => (
        <List.Item>
          <Flex vertical gap={4} style={{ width: '100%' }}>
            <Flex justify="space-between" gap={8}>
              <Typography.Text strong>{parcel.waybillNo}</Typography.Text>
              <Typography.Text type="secondary">{parcel.carrierName}</Typography.Text>
            </Flex>
            <Typography.Text type="secondary">
              {parcel.recipientName} {parcel.recipientPhone} ·{' '}
              {formatDateTime(parcel.dueAt, language)}
            </Typography.Text>
            {status === 'in_transit' ? (
              <ArriveButton parcel={parcel} onDone={onChanged} />
            ) : (
              <HandOver parcel={parcel} onDone={onChanged} />
            )}
          </Flex>
        </List.Item>
      )}
    />
  )
}

function ArriveButton({ parcel, onDone }: { parcel: Parcel; onDone: () => void }) {
  const { t } = useI18n()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  return (
    <>
      <Button
        loading={busy}
        onClick={() => {
          setBusy(true)
          scanAtStation(parcel.waybillNo, 'arrived').then(onDone, (caught: unknown) => {
            setError(caught)
            setBusy(false)
          })
        }}
      >
        {t('station.arrive')}
      </Button>
      {error !== null && <Alert type="error" showIcon title={errorMessage(error, t)} />}
    </>
  )
}

function HandOver({ parcel, onDone }: { parcel: Parcel; onDone: () => void }) {
  const { t } = useI18n()
  const [tail, setTail] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  return (
    <>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          inputMode="numeric"
          maxLength={4}
          value={tail}
          placeholder={t('station.phoneTail')}
          aria-label={`${t('station.phoneTail')} ${parcel.waybillNo}`}
          onChange={(event) => setTail(event.target.value.replace(/\D/g, ''))}
        />
        <Button
          type="primary"
          disabled={tail.length !== 4}
          loading={busy}
          onClick={() => {
            setBusy(true)
            setError(null)
            scanAtStation(parcel.waybillNo, 'picked_up', tail).then(onDone, (caught: unknown) => {
              setError(caught)
              setBusy(false)
            })
          }}
        >
          {t('station.handOver')}
        </Button>
      </Space.Compact>
      {error !== null && <Alert type="error" showIcon title={errorMessage(error, t)} />}
    </>
  )
}
