import { useEffect, useState, type ReactNode } from 'react'

// A promotion's share link (分享链接/二维码, MKT-2) as a QR code, the URL and a copy button, for
// the H5 shop (buyers pass it on) and the console (clerks print it on posters: 下载二维码). Plain
// elements, so both the antd console and the H5 styles can hold it; qrcode loads with it only.

export const shareUrlOf = (code: string) => `${window.location.origin}/h5/share/${code}`

export interface ShareQrTexts {
  /** Names the QR image and the link for screen readers and tests: 拼团分享二维码 … */
  label: string
  copy: string
  copied: string
  copyFailed: string
  download: string
}

export const H5_SHARE_TEXTS: ShareQrTexts = {
  label: '分享二维码',
  copy: '复制链接',
  copied: '链接已复制，发给亲友吧',
  copyFailed: '请长按链接手动复制',
  download: '下载二维码',
}

export function ShareQr({
  code,
  texts = H5_SHARE_TEXTS,
  downloadable = false,
  buttonClassName,
  renderButton,
  size = 180,
}: {
  code: string
  texts?: ShareQrTexts
  /** The console's 下载二维码: a PNG named after the code, for printing. */
  downloadable?: boolean
  buttonClassName?: string
  /** The console draws its buttons with antd; the H5 passes a class instead. */
  renderButton?: (props: { onClick: () => void; children: string }) => ReactNode
  size?: number
}) {
  const url = shareUrlOf(code)
  const button =
    renderButton ??
    ((props: { onClick: () => void; children: string }) => (
      <button type="button" className={buttonClassName} onClick={props.onClick}>
        {props.children}
      </button>
    ))
  const [svg, setSvg] = useState<string | null>(null)
  const [note, setNote] = useState('')
  useEffect(() => {
    let cancelled = false
    void import('qrcode')
      .then((qrcode) => qrcode.default.toString(url, { type: 'svg', margin: 1, width: size }))
      .then((made) => {
        if (!cancelled) setSvg(made)
      })
      .catch(() => undefined) // the link alone still works
    return () => {
      cancelled = true
    }
  }, [url, size])

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url)
      setNote(texts.copied)
    } catch {
      setNote(texts.copyFailed)
    }
  }
  const download = async () => {
    const qrcode = await import('qrcode')
    const anchor = document.createElement('a')
    // Large enough to print on an A4 poster without blur.
    anchor.href = await qrcode.default.toDataURL(url, { margin: 2, width: 1024 })
    anchor.download = `share-${code}.png`
    anchor.click()
  }

  return (
    <div className="share-qr" style={{ display: 'grid', gap: 8, justifyItems: 'center' }}>
      {svg && (
        <div
          role="img"
          aria-label={`${texts.label} ${url}`}
          style={{ width: size, height: size }}
          // An SVG string the qrcode package generated from our own URL.
          dangerouslySetInnerHTML={{ __html: svg }}
        />
      )}
      <p data-testid="share-link" style={{ margin: 0, wordBreak: 'break-all', userSelect: 'all' }}>
        {url}
      </p>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', justifyContent: 'center' }}>
        {button({ onClick: () => void copy(), children: texts.copy })}
        {downloadable && button({ onClick: () => void download(), children: texts.download })}
      </div>
      {note && (
        <p role="status" style={{ margin: 0 }}>
          {note}
        </p>
      )}
    </div>
  )
}
