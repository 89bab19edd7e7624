import { useState, type SubmitEvent } from 'react'
import type { Address } from '../../lib/api-types'
import { useRequest } from '../../lib/use-request'
import { getDivisions, getRegions } from '../../lib/divisions'
import { addAddress } from '../api/addresses'
import { ErrorNote } from './page-state'

/**
 * A new delivery address anywhere in China (issue 15, SVC-1): province, city, county, then in the
 * shop's own county its township and village (the county network delivers there), elsewhere the
 * street (乡镇/街道, optional); recipient, phone, detail.
 */
export function AddressForm({ onAdded }: { onAdded: (address: Address) => void }) {
  const [province, setProvince] = useState('')
  const [city, setCity] = useState('')
  const [county, setCounty] = useState('')
  const [street, setStreet] = useState('')
  const [village, setVillage] = useState('')
  const [recipientName, setRecipientName] = useState('')
  const [phone, setPhone] = useState('')
  const [detail, setDetail] = useState('')
  const [error, setError] = useState<unknown>(null)
  // The shop's own county (or counties): the division table's roots.
  const home = useRequest(() => getDivisions(), 'home')
  const insideCounty = county !== '' && (home.data ?? []).some((d) => d.code === county)
  const provinces = useRequest(() => getRegions(), 'provinces')
  const cities = useRequest(() => (province ? getRegions(province) : Promise.resolve([])), province)
  const counties = useRequest(() => (city ? getRegions(city) : Promise.resolve([])), city)
  const streets = useRequest<{ code: string; name: string }[]>(
    () =>
      !county ? Promise.resolve([]) : insideCounty ? getDivisions(county) : getRegions(county),
    `${county}:${insideCounty}`,
  )
  const villages = useRequest(
    () => (insideCounty && street ? getDivisions(street) : Promise.resolve([])),
    `${street}:${insideCounty}`,
  )

  const divisionCode = insideCounty ? village || street : street || county
  const ready = insideCounty ? street !== '' : county !== ''

  const submit = async (event: SubmitEvent) => {
    event.preventDefault()
    setError(null)
    try {
      const address = await addAddress({
        recipientName: recipientName.trim(),
        phone,
        divisionCode,
        detail: detail.trim(),
      })
      onAdded(address)
    } catch (reason) {
      setError(reason)
    }
  }

  const options = (list: { code: string; name: string }[] | undefined) =>
    list?.map((item) => (
      <option key={item.code} value={item.code}>
        {item.name}
      </option>
    ))

  return (
    <form className="h5-form h5-card" onSubmit={(event) => void submit(event)}>
      <p className="h5-section-title">新增地址</p>
      <ErrorNote error={provinces.error ?? home.error} />
      <label className="h5-field">
        省份
        <select
          value={province}
          onChange={(event) => {
            setProvince(event.target.value)
            setCity('')
            setCounty('')
            setStreet('')
            setVillage('')
          }}
        >
          <option value="">请选择</option>
          {options(provinces.data)}
        </select>
      </label>
      <label className="h5-field">
        城市
        <select
          value={city}
          disabled={!province}
          onChange={(event) => {
            setCity(event.target.value)
            setCounty('')
            setStreet('')
            setVillage('')
          }}
        >
          <option value="">请选择</option>
          {options(cities.data)}
        </select>
      </label>
      <label className="h5-field">
        区县
        <select
          value={county}
          disabled={!city}
          onChange={(event) => {
            setCounty(event.target.value)
            setStreet('')
            setVillage('')
          }}
        >
          <option value="">请选择</option>
          {options(counties.data)}
        </select>
      </label>
      <label className="h5-field">
        乡镇/街道
        <select
          value={street}
          disabled={!county}
          onChange={(event) => {
            setStreet(event.target.value)
            setVillage('')
          }}
        >
          <option value="">{insideCounty ? '请选择' : '（可不选）'}</option>
          {options(streets.data)}
        </select>
      </label>
      {insideCounty && (
        <label className="h5-field">
          村
          <select value={village} onChange={(event) => setVillage(event.target.value)}>
            <option value="">（不选则送到乡镇）</option>
            {options(villages.data)}
          </select>
        </label>
      )}
      {county !== '' && !insideCounty && (
        <p className="h5-note">县外地址由联盟快递公司寄出，按省份收取运费。</p>
      )}
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
      <button type="submit" className="h5-button h5-button-ghost" disabled={!ready}>
        保存地址
      </button>
    </form>
  )
}
