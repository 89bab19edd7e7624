import { Alert, Button, Card, Descriptions, Empty, Flex, Input, Select, Spin, Table } from 'antd'
import { useState } from 'react'
import { PageHeader } from '../../../components/page-header'
import { LoadErrorResult } from '../../../components/status-result'
import type { Order } from '../../../lib/api-types'
import { errorMessage } from '../../../lib/error-message'
import { formatDateTime, formatYuan } from '../../../lib/format'
import { useI18n } from '../../../lib/i18n'
import { useSession } from '../../../lib/session'
import { useRequest } from '../../../lib/use-request'
import { findMyPickupPoints, handOverOrder } from '../api/pickups'

/** A store or station clerk hands an order over against the buyer's 6-digit pickup code. */
export function PickupsPage() {
  const { t } = useI18n()
  const { me } = useSession()
  const points = useRequest(
    (signal) => findMyPickupPoints(me.memberships, signal),
    me.memberships.map((m) => m.organizationId).join(','),
  )
  const [chosenId, setChosenId] = useState<string | null>(null)

  if (points.error) return <LoadErrorResult error={points.error} onRetry={points.reload} />
  if (!points.data) return <Spin />
  const locationId = chosenId ?? points.data[0]?.id
  if (!locationId) return <Empty description={t('pickups.noLocation')} />
  return (
    <Flex vertical gap={12} style={{ maxWidth: 720 }}>
      <PageHeader title={t('pickups.title')} />
      <Select
        aria-label={t('pickups.location')}
        value={locationId}
        onChange={setChosenId}
        options={points.data.map((point) => ({ value: point.id, label: point.name }))}
      />
      <HandOverForm key={locationId} locationId={locationId} />
    </Flex>
  )
}

function HandOverForm({ locationId }: { locationId: string }) {
  const { t } = useI18n()
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<{ order: Order } | { error: string } | null>(null)
  // A scanner (or a pasted QR text) may bring spaces or other characters around the digits.
  const digits = code.replace(/\D/g, '')

  async function handOver() {
    if (!/^\d{6}$/.test(digits)) {
      setOutcome({ error: t('pickups.codeInvalid') })
      return
    }
    setBusy(true)
    try {
      setOutcome({ order: await handOverOrder(locationId, digits) })
      setCode('')
    } catch (error) {
      setOutcome({ error: errorMessage(error, t) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <Card>
      <Flex vertical gap={12}>
        <Flex gap={8}>
          <Input
            size="large"
            aria-label={t('pickups.code')}
            placeholder={t('pickups.codePlaceholder')}
            inputMode="numeric"
            autoComplete="off"
            value={code}
            onChange={(event) => setCode(event.target.value)}
            onPressEnter={() => void handOver()}
          />
          <Button size="large" type="primary" loading={busy} onClick={() => void handOver()}>
            {t('pickups.confirm')}
          </Button>
        </Flex>
        {outcome && 'error' in outcome && (
          <Alert type="error" role="alert" showIcon title={outcome.error} />
        )}
        {outcome && 'order' in outcome && <HandedOver order={outcome.order} />}
      </Flex>
    </Card>
  )
}

function HandedOver({ order }: { order: Order }) {
  const { t, language } = useI18n()
  return (
    <Flex vertical gap={12} data-testid="handed-over">
      <Alert
        type="success"
        role="status"
        showIcon
        title={t('pickups.handedOver', { orderNo: order.orderNo })}
      />
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          { key: 'order', label: t('pickups.order'), children: order.orderNo },
          {
            key: 'status',
            label: t('pickups.status'),
            children: t(`order.status.${order.status}`),
          },
          { key: 'shop', label: t('pickups.shop'), children: order.shopName },
          { key: 'total', label: t('pickups.total'), children: formatYuan(order.totalFen) },
          {
            key: 'completedAt',
            label: t('pickups.completedAt'),
            children: formatDateTime(order.completedAt, language),
          },
        ]}
      />
      <Table
        size="small"
        rowKey="skuId"
        pagination={false}
        dataSource={order.lines}
        columns={[
          { title: t('pickups.item'), dataIndex: 'title' },
          { title: t('pickups.spec'), dataIndex: 'spec' },
          { title: t('pickups.quantity'), dataIndex: 'quantity', align: 'right' },
        ]}
      />
    </Flex>
  )
}
