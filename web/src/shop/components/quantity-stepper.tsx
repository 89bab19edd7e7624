import { cartQuantityLimit } from '../guest-cart'

/** − n + with big touch targets; 1 to 99, what the server accepts, or a lower `max` given. */
export function QuantityStepper({
  label,
  value,
  onChange,
  min = 1,
  max = cartQuantityLimit,
}: {
  label: string
  value: number
  onChange: (value: number) => void
  min?: number
  max?: number
}) {
  return (
    <div className="h5-stepper" role="group" aria-label={label}>
      <button
        type="button"
        aria-label={`减少${label}`}
        disabled={value <= min}
        onClick={() => onChange(value - 1)}
      >
        −
      </button>
      <output aria-live="polite">{value}</output>
      <button
        type="button"
        aria-label={`增加${label}`}
        disabled={value >= Math.min(max, cartQuantityLimit)}
        onClick={() => onChange(value + 1)}
      >
        +
      </button>
    </div>
  )
}
