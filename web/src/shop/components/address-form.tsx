import { useState, type SubmitEvent } from 'react'
import type { Address } from '../../lib/api-types'
import { useCounty } from '../../lib/county'
import { useRequest } from '../../lib/use-request'
import { getDivisions } from '../../lib/divisions'
import { addAddress } from '../api/addresses'
import { ErrorNote } from './page-state'

/** A new delivery address in the county (GET /api/county): township, then village (optional), recipient, phone, detail. */
export function AddressForm({ onAdded }: { onAdded: (address: Address) => void }) {
  const [township, setTownship] = useState('')
  const [village, setVillage] = useState('')
  const [recipientName, setRecipientName] = useState('')
  const [phone, setPhone] = useState('')
  const [detail, setDetail] = useState('')
  const [error, setError] = useState<unknown>(null)
  const countyCode = useCounty()?.code ?? ''
  const townships = useRequest(
    () => (countyCode ? getDivisions(countyCode) : Promise.resolve([])),
    countyCode,
  )
  const villages = useRequest(
    () => (township ? getDivisions(township) : Promise.resolve([])),
    township,
  )

  const submit = async (event: SubmitEvent) => {
    event.preventDefault()
    setError(null)
    try {
      const address = await addAddress({
        recipientName: recipientName.trim(),
        phone,
        divisionCode: village || township,
        detail: detail.trim(),
      })
      onAdded(address)
    } catch (reason) {
      setError(reason)
    }
  }

  return (
    <form className="h5-form h5-card" onSubmit={(event) => void submit(event)}>
      <p className="h5-section-title">新增地址</p>
      <ErrorNote error={townships.error} />
      <label className="h5-field">
        乡镇
        <select
          value={township}
          onChange={(event) => {
            setTownship(event.target.value)
            setVillage('')
          }}
        >
          <option value="">请选择</option>
          {townships.data?.map((division) => (
            <option key={division.code} value={division.code}>
              {division.name}
            </option>
          ))}
        </select>
      </label>
      <label className="h5-field">
        村
        <select value={village} onChange={(event) => setVillage(event.target.value)}>
          <option value="">（不选则送到乡镇）</option>
          {villages.data?.map((division) => (
            <option key={division.code} value={division.code}>
              {division.name}
            </option>
          ))}
        </select>
      </label>
      <label className="h5-field">
        收货人
        <input
          value={recipientName}
          maxLength={40}
          onChange={(event) => setRecipientName(event.target.value)}
        />
      </label>
      <label className="h5-field">
        手机号
        <input
          type="tel"
          inputMode="numeric"
          maxLength={11}
          value={phone}
          onChange={(event) => setPhone(event.target.value.trim())}
        />
      </label>
      <label className="h5-field">
        详细地址
        <input value={detail} maxLength={200} onChange={(event) => setDetail(event.target.value)} />
      </label>
      <ErrorNote error={error} />
      <button type="submit" className="h5-button h5-button-ghost" disabled={!township}>
        保存地址
      </button>
    </form>
  )
}
