import type { DeliveryKind } from '../../lib/api-types'
import { useRequest } from '../../lib/use-request'
import { listAddresses } from '../api/addresses'
import { listPickupPoints } from '../api/orders'
import { DELIVERY_ZH } from '../order-labels'
import { AddressForm } from './address-form'
import { ErrorNote, Loading } from './page-state'

export interface Delivery {
  kind: Exclude<DeliveryKind, 'counter'>
  /** The pickup point, or the address for home delivery; null until chosen. */
  targetId: string | null
}

const KINDS = ['store_pickup', 'station_pickup', 'home'] as const

export function DeliveryChoice({
  value,
  onChange,
}: {
  value: Delivery
  onChange: (value: Delivery) => void
}) {
  return (
    <>
      <fieldset className="h5-options">
        <legend>配送方式</legend>
        {KINDS.map((kind) => (
          <label key={kind} className="h5-option">
            <input
              type="radio"
              name="delivery"
              checked={value.kind === kind}
              onChange={() => onChange({ kind, targetId: null })}
            />
            {DELIVERY_ZH[kind]}
          </label>
        ))}
      </fieldset>
      {value.kind === 'home' ? (
        <AddressChoice
          value={value.targetId}
          onChange={(id) => onChange({ ...value, targetId: id })}
        />
      ) : (
        <PickupPointChoice
          kind={value.kind === 'store_pickup' ? 'store' : 'station'}
          value={value.targetId}
          onChange={(id) => onChange({ ...value, targetId: id })}
        />
      )}
    </>
  )
}

function PickupPointChoice(props: {
  kind: 'store' | 'station'
  value: string | null
  onChange: (id: string) => void
}) {
  const points = useRequest((signal) => listPickupPoints(props.kind, signal), props.kind)
  return (
    <fieldset className="h5-options">
      <legend>{props.kind === 'store' ? '选择体验店' : '选择服务站'}</legend>
      <ErrorNote error={points.error} />
      {points.loading && <Loading />}
      {!points.loading &&
        points.data?.map((point) => (
          <label key={point.id} className="h5-option">
            <input
              type="radio"
              name="pickup-point"
              checked={props.value === point.id}
              onChange={() => props.onChange(point.id)}
            />
            <span>
              {point.name}
              <span className="h5-muted h5-block-text">
                {point.address} · 营业 {point.openingHours}
              </span>
            </span>
          </label>
        ))}
    </fieldset>
  )
}

function AddressChoice(props: { value: string | null; onChange: (id: string) => void }) {
  const addresses = useRequest((signal) => listAddresses(signal), 'addresses')
  return (
    <fieldset className="h5-options">
      <legend>收货地址</legend>
      <ErrorNote error={addresses.error} />
      {addresses.data?.map((address) => (
        <label key={address.id} className="h5-option">
          <input
            type="radio"
            name="address"
            checked={props.value === address.id}
            onChange={() => props.onChange(address.id)}
          />
          <span>
            {address.recipientName} {address.phone}
            <span className="h5-muted h5-block-text">
              {address.region} {address.detail}
            </span>
          </span>
        </label>
      ))}
      <AddressForm
        onAdded={(address) => {
          addresses.reload()
          props.onChange(address.id)
        }}
      />
    </fieldset>
  )
}
