import { useEffect, useState } from 'react'

/** The code in large digits and as a QR code the clerk can scan (qrcode loads with this view only). */
export function PickupCode({ code, place }: { code: string; place: string }) {
  const [qrSvg, setQrSvg] = useState<string | null>(null)
  useEffect(() => {
    let cancelled = false
    void import('qrcode')
      .then((qrcode) => qrcode.default.toString(code, { type: 'svg', margin: 1, width: 180 }))
      .then((svg) => {
        if (!cancelled) setQrSvg(svg)
      })
      .catch(() => undefined) // the digits alone are enough to hand over
    return () => {
      cancelled = true
    }
  }, [code])
  return (
    <section className="h5-pickup" aria-label="取货码">
      <p className="h5-muted">凭取货码到 {place} 取货</p>
      <p className="h5-code" data-testid="pickup-code">
        {code}
      </p>
      {qrSvg && (
        <div
          className="h5-qr"
          role="img"
          aria-label={`取货码二维码 ${code}`}
          // An SVG string the qrcode package generated from six digits.
          dangerouslySetInnerHTML={{ __html: qrSvg }}
        />
      )}
    </section>
  )
}
