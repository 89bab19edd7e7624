import { LockOutlined, UnlockOutlined } from '@ant-design/icons'
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Row,
  Select,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd'
import { useState } from 'react'
import { TableEmpty } from '../../../components/table-empty'
import type { Driver, Plan, Trip, Vehicle } from '../../../lib/api-types'
import { errorMessage } from '../../../lib/error-message'
import { formatClock, formatDateTime, formatYuan } from '../../../lib/format'
import { useI18n } from '../../../lib/i18n'
import { publishPlan, setTripLocked } from '../api/plans'
import { assignTrip, useDrivers, useVehicles } from '../../fleet/api/fleet'
import { MoveStopModal, type MovingStop } from './move-stop-modal'

type TripStop = Trip['stops'][number]
type Unassigned = NonNullable<Plan['summary']>['unassigned'][number]

interface PlanViewProps {
  plan: Plan
  onChanged: (plan: Plan) => void
  onReload: () => void
}

const STATUS_COLOR = { planning: 'processing', draft: 'gold', published: 'green', failed: 'red' }

/** A finished plan: what it covers, what it could not, and each trip stop by stop. */
export function PlanView({ plan, onChanged, onReload }: PlanViewProps) {
  const { t, language } = useI18n()
  const { modal, message } = App.useApp()
  const summary = plan.summary
  const draft = plan.status === 'draft'
  const [moving, setMoving] = useState<MovingStop | null>(null)
  // Issue 15: the clerk gives each trip of a draft its driver and vehicle.
  const drivers = useDrivers({ page: 1, pageSize: 100 })
  const vehicles = useVehicles(undefined)

  function confirmPublish() {
    modal.confirm({
      title: t('dispatch.publishConfirm', { date: plan.serviceDate }),
      content: t('dispatch.publishNote'),
      okText: t('dispatch.publish'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          onChanged(await publishPlan(plan.id))
          void message.success(t('dispatch.published'))
        } catch (error) {
          void message.error(errorMessage(error, t))
        }
      },
    })
  }

  return (
    <>
      <Card
        style={{ marginBottom: 16 }}
        title={
          <Flex gap={8} align="center" wrap>
            {t('dispatch.summary')} · {plan.serviceDate}
            <Tag color={STATUS_COLOR[plan.status]} data-testid="plan-status">
              {t(`dispatch.status.${plan.status}`)}
            </Tag>
          </Flex>
        }
        extra={
          draft && (
            <Button type="primary" onClick={confirmPublish}>
              {t('dispatch.publish')}
            </Button>
          )
        }
      >
        {summary && (
          <>
            <Row gutter={[16, 16]}>
              {[
                ['stations', t('dispatch.stations'), summary.stations],
                ['parcels', t('dispatch.parcels'), summary.parcels],
                ['pickups', t('dispatch.pickups'), summary.pickups],
                ['trips', t('dispatch.trips'), summary.trips],
                ['distance', t('dispatch.distance'), summary.distanceKm.toFixed(1)],
                ['cost', t('dispatch.cost'), formatYuan(summary.costFen)],
              ].map(([key, title, value]) => (
                <Col key={key} xs={12} sm={8} md={4}>
                  <Statistic title={title} value={value} data-testid={`plan-${key}`} />
                </Col>
              ))}
            </Row>
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              {t('dispatch.planningMs', { ms: summary.planningMs })}
              {plan.publishedAt &&
                ` · ${t('dispatch.status.published')} ${formatDateTime(plan.publishedAt, language)}`}
            </Typography.Paragraph>
            {summary.checkerViolations.length > 0 ? (
              <Alert
                type="error"
                showIcon
                style={{ marginTop: 12 }}
                title={t('dispatch.violations')}
                description={
                  <ul style={{ margin: 0 }}>
                    {summary.checkerViolations.map((violation) => (
                      <li key={violation}>{violation}</li>
                    ))}
                  </ul>
                }
              />
            ) : (
              <Alert
                type="success"
                showIcon
                style={{ marginTop: 12 }}
                title={t('dispatch.noViolations')}
              />
            )}
            {summary.unassigned.length > 0 && (
              <Table<Unassigned>
                style={{ marginTop: 12 }}
                size="small"
                rowKey="siteId"
                title={() => t('dispatch.unassigned')}
                dataSource={summary.unassigned}
                pagination={false}
                columns={[
                  { title: t('dispatch.station'), dataIndex: 'siteName' },
                  { title: t('dispatch.parcels'), dataIndex: 'parcels', width: 100 },
                  { title: t('dispatch.reason'), dataIndex: 'reason' },
                ]}
              />
            )}
          </>
        )}
      </Card>
      {plan.trips.length === 0 ? (
        <Card>
          <TableEmpty description={t('dispatch.noTrips')} />
        </Card>
      ) : (
        plan.trips.map((trip) => (
          <TripCard
            key={trip.id}
            trip={trip}
            editable={draft}
            drivers={drivers.data?.items ?? []}
            vehicles={vehicles.data ?? []}
            onAssigned={onChanged}
            onLocked={onReload}
            onMove={(stop) =>
              setMoving({ tripId: trip.id, siteId: stop.siteId, siteName: stop.siteName })
            }
          />
        ))
      )}
      {moving && (
        <MoveStopModal
          plan={plan}
          stop={moving}
          onClose={() => setMoving(null)}
          onMoved={(moved) => {
            setMoving(null)
            onChanged(moved)
          }}
        />
      )}
    </>
  )
}

function TripCard({
  trip,
  editable,
  drivers,
  vehicles,
  onAssigned,
  onLocked,
  onMove,
}: {
  trip: Trip
  editable: boolean
  drivers: Driver[]
  vehicles: Vehicle[]
  onAssigned: (plan: Plan) => void
  onLocked: () => void
  onMove: (stop: TripStop) => void
}) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const [busy, setBusy] = useState(false)
  const canAssign = editable && !trip.locked
  const driverName = drivers.find((d) => d.id === trip.driverUserId)?.displayName

  async function assign(body: { vehicleId?: string; driverUserId?: string | null }) {
    setBusy(true)
    try {
      onAssigned(await assignTrip(trip.id, body))
      void message.success(t('dispatch.assigned'))
    } catch (error) {
      // The server names the plate, the load or the other trip in the reader's language.
      void message.error(errorMessage(error, t))
    } finally {
      setBusy(false)
    }
  }

  async function toggleLock() {
    setBusy(true)
    try {
      await setTripLocked(trip.id, !trip.locked)
      onLocked()
    } catch (error) {
      void message.error(errorMessage(error, t))
    } finally {
      setBusy(false)
    }
  }

  const parcels = trip.stops.reduce((sum, stop) => sum + stop.parcelCount, 0)
  const pickups = trip.stops.reduce((sum, stop) => sum + stop.pickupCount, 0)
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      data-testid="trip"
      title={
        <Flex gap={8} align="center" wrap>
          <Typography.Text strong>{trip.vehiclePlate}</Typography.Text>
          <Typography.Text type="secondary">
            {t('dispatch.departure')} {formatClock(trip.departureAt)} · {t('dispatch.return')}{' '}
            {formatClock(trip.returnAt)} · {trip.distanceKm.toFixed(1)} km ·{' '}
            {formatYuan(trip.costFen)} · {t('dispatch.parcels')} {parcels} · {t('dispatch.pickups')}{' '}
            {pickups}
          </Typography.Text>
          {!canAssign && (
            <Typography.Text data-testid="trip-driver">
              {t('dispatch.driver')}: {driverName ?? t('dispatch.noDriver')}
            </Typography.Text>
          )}
          {trip.locked && (
            <Tag icon={<LockOutlined aria-hidden />} color="blue">
              {t('dispatch.locked')}
            </Tag>
          )}
        </Flex>
      }
      extra={
        editable && (
          <Button
            size="small"
            loading={busy}
            icon={trip.locked ? <UnlockOutlined aria-hidden /> : <LockOutlined aria-hidden />}
            onClick={() => void toggleLock()}
          >
            {trip.locked ? t('dispatch.unlock') : t('dispatch.lock')}
          </Button>
        )
      }
    >
      {canAssign && (
        <Flex gap={8} wrap style={{ marginBottom: 8 }}>
          <Select<string>
            value={trip.vehicleId}
            disabled={busy}
            showSearch={{ optionFilterProp: 'label' }}
            aria-label={t('dispatch.vehicle')}
            data-testid="trip-vehicle"
            style={{ minWidth: 220 }}
            onChange={(vehicleId) => void assign({ vehicleId })}
            options={vehicles
              .filter((v) => v.active || v.id === trip.vehicleId)
              .map((v) => ({
                value: v.id,
                label: `${v.plate} · ${v.name} · ${v.capacityKg} kg`,
              }))}
          />
          <Select<string | undefined>
            value={trip.driverUserId ?? undefined}
            disabled={busy}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('dispatch.noDriver')}
            aria-label={t('dispatch.driver')}
            data-testid="trip-driver-select"
            style={{ minWidth: 180 }}
            onChange={(driverUserId) => void assign({ driverUserId: driverUserId ?? null })}
            options={drivers
              .filter((d) => d.status === 'active' || d.id === trip.driverUserId)
              .map((d) => ({ value: d.id, label: d.displayName }))}
          />
        </Flex>
      )}
      <Table<TripStop>
        size="small"
        rowKey="seq"
        dataSource={trip.stops}
        pagination={false}
        columns={[
          { title: '#', dataIndex: 'seq', width: 50 },
          { title: t('dispatch.station'), dataIndex: 'siteName' },
          {
            title: t('dispatch.eta'),
            dataIndex: 'eta',
            width: 100,
            render: (_, stop) => formatClock(stop.eta),
          },
          { title: t('dispatch.parcels'), dataIndex: 'parcelCount', width: 90 },
          { title: t('dispatch.pickups'), dataIndex: 'pickupCount', width: 100 },
          // Published plans and locked trips stay as they are: no control to move their stops.
          ...(editable && !trip.locked
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 90,
                  render: (_: unknown, stop: TripStop) => (
                    <Button
                      type="link"
                      size="small"
                      aria-label={t('dispatch.moveStop', { station: stop.siteName })}
                      onClick={() => onMove(stop)}
                    >
                      {t('dispatch.move')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  )
}
