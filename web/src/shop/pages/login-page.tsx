import { useState, type SubmitEvent } from 'react'
import { useNavigate, useSearchParams } from 'react-router-dom'
import type { LoginCodeSent } from '../../lib/api-types'
import { logInWithCode, sendLoginCode } from '../api/customer'
import { ErrorNote, PageTitle } from '../components/page-state'
import { safeShopPath } from '../order-labels'
import { useShopSession } from '../shop-session'

const PHONE = /^1[3-9]\d{9}$/

export default function LoginPage() {
  const [params] = useSearchParams()
  const next = safeShopPath(params.get('next'), '/h5/me')
  const { signedIn } = useShopSession()
  const navigate = useNavigate()
  const [phone, setPhone] = useState('')
  const [code, setCode] = useState('')
  const [sent, setSent] = useState<LoginCodeSent | null>(null)
  const [busy, setBusy] = useState(false)
  const [checking, setChecking] = useState(false)
  const [error, setError] = useState<unknown>(null)

  const askForCode = async () => {
    setBusy(true)
    setError(null)
    try {
      setSent(await sendLoginCode(phone, () => setChecking(true)))
    } catch (reason) {
      setError(reason)
    } finally {
      setBusy(false)
      setChecking(false)
    }
  }
  const submit = async (event: SubmitEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const customer = await logInWithCode(phone, code)
      signedIn({ displayName: customer.displayName, phone: customer.phone }, customer.csrfToken)
      void navigate(next, { replace: true })
    } catch (reason) {
      setError(reason)
      setBusy(false)
    }
  }

  return (
    <form className="h5-form h5-pad" onSubmit={(event) => void submit(event)}>
      <PageTitle>手机号登录</PageTitle>
      <label className="h5-field">
        手机号
        <input
          type="tel"
          inputMode="numeric"
          autoComplete="tel"
          maxLength={11}
          value={phone}
          onChange={(event) => setPhone(event.target.value.trim())}
        />
      </label>
      <button
        type="button"
        className="h5-button h5-button-ghost"
        disabled={busy || !PHONE.test(phone)}
        onClick={() => void askForCode()}
      >
        {checking ? '安全验证中…' : sent ? '重新获取验证码' : '获取验证码'}
      </button>
      {checking && <p className="h5-muted">正在自动完成安全验证，请稍候</p>}
      {sent && <p className="h5-muted">验证码已发送至 {sent.sentTo}</p>}
      {sent?.localCode && (
        <p className="h5-demo" data-testid="local-code">
          演示环境：短信未真实发送，验证码 {sent.localCode}
        </p>
      )}
      <label className="h5-field">
        验证码
        <input
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          value={code}
          onChange={(event) => setCode(event.target.value.trim())}
        />
      </label>
      <ErrorNote error={error} />
      <button
        type="submit"
        className="h5-button h5-block"
        disabled={busy || !PHONE.test(phone) || !/^\d{6}$/.test(code)}
      >
        登录
      </button>
      <p className="h5-muted">新手机号登录即注册。</p>
    </form>
  )
}
