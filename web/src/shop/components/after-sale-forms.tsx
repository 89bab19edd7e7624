import { useState } from 'react'
import { Link } from 'react-router-dom'
import type { Order } from '../../lib/api-types'
import { fenToYuanText, formatYuan, yuanToFen } from '../../lib/format'
import {
  fileComplaint,
  requestAfterSale,
  type AfterSaleKind,
  type ComplaintKind,
} from '../api/after-sales'
import { AFTER_SALE_KIND_ZH, COMPLAINT_KIND_ZH } from '../order-labels'
import { ErrorNote } from './page-state'

type Open = 'none' | 'after-sale' | 'complaint'

/** 申请售后 and 投诉/举报 for a paid order, each opening a small form in place. */
export function AfterSaleActions({ order, onChanged }: { order: Order; onChanged: () => void }) {
  const [open, setOpen] = useState<Open>('none')
  const [done, setDone] = useState<string | null>(null)
  const left = order.totalFen - order.refundedFen
  const finish = (message: string) => {
    setOpen('none')
    setDone(message)
    onChanged()
  }
  return (
    <section className="h5-after-sale">
      {done && (
        <p className="h5-note" role="status" data-testid="after-sale-done">
          {done}
        </p>
      )}
      {open === 'none' && (
        <div className="h5-row">
          {left > 0 && (
            <button
              type="button"
              className="h5-button h5-button-ghost"
              onClick={() => {
                setDone(null)
                setOpen('after-sale')
              }}
            >
              申请售后
            </button>
          )}
          <button
            type="button"
            className="h5-link-button"
            onClick={() => {
              setDone(null)
              setOpen('complaint')
            }}
          >
            投诉/举报
          </button>
        </div>
      )}
      {open === 'after-sale' && (
        <AfterSaleForm
          orderId={order.id}
          leftFen={left}
          onCancel={() => setOpen('none')}
          onDone={() => finish('售后申请已提交，商家将在48小时内处理')}
        />
      )}
      {open === 'complaint' && (
        <ComplaintForm
          orderId={order.id}
          onCancel={() => setOpen('none')}
          onDone={() => finish('已收到你的投诉/举报，平台会尽快核实处理')}
        />
      )}
      <Link to="/h5/after-sales" className="h5-link">
        查看售后记录
      </Link>
    </section>
  )
}

function AfterSaleForm(props: {
  orderId: string
  leftFen: number
  onCancel: () => void
  onDone: () => void
}) {
  const [kind, setKind] = useState<AfterSaleKind>('refund_only')
  const [amount, setAmount] = useState(fenToYuanText(props.leftFen))
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const submit = async () => {
    const amountFen = yuanToFen(amount)
    if (amountFen === null || amountFen < 1 || amountFen > props.leftFen) {
      setProblem(`请填写 0.01 到 ${fenToYuanText(props.leftFen)} 元之间的金额`)
      return
    }
    if (reason.trim().length < 2) {
      setProblem('请写明原因（至少2个字）')
      return
    }
    setProblem(null)
    setError(null)
    setBusy(true)
    try {
      await requestAfterSale(props.orderId, { kind, amountFen, reason: reason.trim() })
      props.onDone()
    } catch (reason) {
      setError(reason)
    } finally {
      setBusy(false)
    }
  }
  return (
    <form
      className="h5-form"
      aria-label="申请售后"
      onSubmit={(event) => {
        event.preventDefault()
        void submit()
      }}
    >
      <h2 className="h5-section-title">申请售后</h2>
      <fieldset className="h5-options">
        <legend>售后类型</legend>
        {(Object.keys(AFTER_SALE_KIND_ZH) as AfterSaleKind[]).map((value) => (
          <label key={value} className="h5-option">
            <input
              type="radio"
              name="after-sale-kind"
              checked={kind === value}
              onChange={() => setKind(value)}
            />
            {AFTER_SALE_KIND_ZH[value]}
          </label>
        ))}
      </fieldset>
      <label className="h5-field">
        退款金额（元，最多 {formatYuan(props.leftFen)}）
        <input
          inputMode="decimal"
          value={amount}
          onChange={(event) => setAmount(event.target.value)}
        />
      </label>
      <label className="h5-field">
        原因
        <textarea
          rows={3}
          maxLength={500}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </label>
      {problem && (
        <p className="h5-error" role="alert">
          {problem}
        </p>
      )}
      <ErrorNote error={error} />
      <div className="h5-row">
        <button type="submit" className="h5-button" disabled={busy}>
          提交申请
        </button>
        <button type="button" className="h5-button h5-button-ghost" onClick={props.onCancel}>
          取消
        </button>
      </div>
    </form>
  )
}

function ComplaintForm(props: { orderId: string; onCancel: () => void; onDone: () => void }) {
  const [kind, setKind] = useState<ComplaintKind>('complaint')
  const [description, setDescription] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const submit = async () => {
    if (description.trim().length < 5) {
      setProblem('请描述具体情况（至少5个字）')
      return
    }
    setProblem(null)
    setError(null)
    setBusy(true)
    try {
      await fileComplaint({ kind, orderId: props.orderId, description: description.trim() })
      props.onDone()
    } catch (reason) {
      setError(reason)
    } finally {
      setBusy(false)
    }
  }
  return (
    <form
      className="h5-form"
      aria-label="投诉/举报"
      onSubmit={(event) => {
        event.preventDefault()
        void submit()
      }}
    >
      <h2 className="h5-section-title">投诉/举报</h2>
      <fieldset className="h5-options">
        <legend>类型</legend>
        {(Object.keys(COMPLAINT_KIND_ZH) as ComplaintKind[]).map((value) => (
          <label key={value} className="h5-option">
            <input
              type="radio"
              name="complaint-kind"
              checked={kind === value}
              onChange={() => setKind(value)}
            />
            {COMPLAINT_KIND_ZH[value]}
          </label>
        ))}
      </fieldset>
      <label className="h5-field">
        情况说明
        <textarea
          rows={4}
          maxLength={2000}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
        />
      </label>
      {problem && (
        <p className="h5-error" role="alert">
          {problem}
        </p>
      )}
      <ErrorNote error={error} />
      <div className="h5-row">
        <button type="submit" className="h5-button" disabled={busy}>
          提交
        </button>
        <button type="button" className="h5-button h5-button-ghost" onClick={props.onCancel}>
          取消
        </button>
      </div>
    </form>
  )
}
