import { Card, DatePicker, Empty, Flex, Spin, Tag, Timeline, Typography } from 'antd'
import dayjs from 'dayjs'
import { useSearchParams } from 'react-router-dom'
import { ScanBox } from '../../../components/scan-box'
import { LoadErrorResult } from '../../../components/status-result'
import type { Trip } from '../../../lib/api-types'
import { formatClock, shanghaiDay } from '../../../lib/format'
import { useI18n } from '../../../lib/i18n'
import { scanDeparted, useMyTrips } from '../api/driver'

/** The driver's phone page: today's trips in the published plan and a departure scan. */
export function DriverPage() {
  const { t } = useI18n()
  const [params, setParams] = useSearchParams()
  const date = params.get('date') ?? shanghaiDay()
  const trips = useMyTrips(date)

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('driver.title')}
        </Typography.Title>
        <DatePicker
          aria-label={t('driver.date')}
          allowClear={false}
          inputReadOnly
          value={dayjs(date)}
          onChange={(day) => day && setParams({ date: day.format('YYYY-MM-DD') })}
          style={{ width: 140 }}
        />
      </Flex>
      <Card size="small">
        <ScanBox
          label={t('driver.scanTitle')}
          onScan={async (waybillNo) => {
            await scanDeparted(waybillNo)
            return t('driver.scanned', { waybill: waybillNo })
          }}
        />
      </Card>
      {trips.error ? (
        <LoadErrorResult error={trips.error} onRetry={trips.reload} />
      ) : !trips.data ? (
        <Spin />
      ) : trips.data.length === 0 ? (
        <Card size="small">
          <Empty description={t('driver.noTrips')} />
        </Card>
      ) : (
        trips.data.map((trip) => <TripCard key={trip.id} trip={trip} />)
      )}
    </Flex>
  )
}

function TripCard({ trip }: { trip: Trip }) {
  const { t } = useI18n()
  return (
    <Card
      size="small"
      data-testid="driver-trip"
      title={t('driver.trip', { plate: trip.vehiclePlate })}
      extra={
        <Typography.Text type="secondary">
          {formatClock(trip.departureAt)}–{formatClock(trip.returnAt)}
        </Typography.Text>
      }
    >
      <Timeline
        items={trip.stops.map((stop) => ({
          key: stop.seq,
          content: (
            <div data-testid="driver-stop">
              <Typography.Text strong>
                {stop.seq}. {stop.siteName}
              </Typography.Text>
              <br />
              <Typography.Text type="secondary">
                {t('dispatch.eta')} {formatClock(stop.eta)}
              </Typography.Text>{' '}
              <Tag>{t('driver.parcelsAt', { count: stop.parcelCount })}</Tag>
              {stop.pickupCount > 0 && (
                <Tag color="green">{t('driver.pickupsAt', { count: stop.pickupCount })}</Tag>
              )}
            </div>
          ),
        }))}
      />
    </Card>
  )
}
