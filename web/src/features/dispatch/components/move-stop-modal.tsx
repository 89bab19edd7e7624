import { Alert, App, Form, Modal, Select, Typography } from 'antd'
import { useState } from 'react'
import type { Plan, Trip } from '../../../lib/api-types'
import { errorMessage } from '../../../lib/error-message'
import { formatClock } from '../../../lib/format'
import { useI18n, type Translate } from '../../../lib/i18n'
import { moveStop } from '../api/plans'

export interface MovingStop {
  tripId: string
  siteId: string
  siteName: string
}

interface MoveForm {
  toTripId: string
  position: number
}

/**
 * Moves one station to a trip and place the clerk picks. The server re-times both trips and
 * refuses a move that breaks a capacity, shift or opening hour; its reason stays in the dialog
 * so the clerk can pick another trip without starting over.
 */
export function MoveStopModal({
  plan,
  stop,
  onClose,
  onMoved,
}: {
  plan: Plan
  stop: MovingStop
  onClose: () => void
  onMoved: (plan: Plan) => void
}) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const [form] = Form.useForm<MoveForm>()
  const [saving, setSaving] = useState(false)
  const [refusal, setRefusal] = useState<unknown>(null)
  const toTripId = Form.useWatch('toTripId', form)
  const target = plan.trips.find((trip) => trip.id === toTripId)

  async function save(values: MoveForm) {
    setSaving(true)
    setRefusal(null)
    try {
      onMoved(await moveStop(plan.id, { siteId: stop.siteId, ...values }))
      void message.success(t('dispatch.moved'))
    } catch (error) {
      setRefusal(error)
      setSaving(false)
    }
  }

  return (
    <Modal
      open
      title={t('dispatch.moveTitle', { station: stop.siteName })}
      okText={t('dispatch.moveConfirm')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('dispatch.moveHint')}</Typography.Paragraph>
      <Form<MoveForm>
        form={form}
        layout="vertical"
        initialValues={{ toTripId: stop.tripId }}
        onValuesChange={(changed: Partial<MoveForm>) => {
          // A place in the old trip means nothing in the new one.
          if (changed.toTripId !== undefined) form.setFieldValue('position', undefined)
          setRefusal(null)
        }}
        onFinish={(values) => void save(values)}
      >
        <Form.Item
          name="toTripId"
          label={t('dispatch.moveTrip')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select<string>
            options={plan.trips.map((trip) => ({
              value: trip.id,
              disabled: trip.locked,
              label: `${t('dispatch.moveTripOption', {
                plate: trip.vehiclePlate,
                departure: formatClock(trip.departureAt),
                stops: trip.stops.length,
              })}${trip.locked ? ` · ${t('dispatch.locked')}` : ''}`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="position"
          label={t('dispatch.movePosition')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select<number>
            // A county trip has dozens of stops: the clerk types the station to go before.
            showSearch={{ optionFilterProp: 'label' }}
            disabled={!target}
            options={target ? positionOptions(target, stop.siteId, t) : []}
          />
        </Form.Item>
      </Form>
      {refusal !== null && <Alert type="error" showIcon title={errorMessage(refusal, t)} />}
    </Modal>
  )
}

/** Places 1…n+1 in the target trip, named by the stop they go before (the moving one left out). */
function positionOptions(
  trip: Trip,
  movingSiteId: string,
  t: Translate,
): { value: number; label: string }[] {
  const others = trip.stops.filter((stop) => stop.siteId !== movingSiteId)
  return [
    ...others.map((stop, index) => ({
      value: index + 1,
      label: t('dispatch.movePositionBefore', { n: index + 1, station: stop.siteName }),
    })),
    {
      value: others.length + 1,
      label: t('dispatch.movePositionLast', { n: others.length + 1 }),
    },
  ]
}
