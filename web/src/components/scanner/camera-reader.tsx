import { Alert } from 'antd'
import { useEffect, useRef, useState } from 'react'
import { useI18n } from '../../lib/i18n'

// The phone camera as a scanner: the browser's BarcodeDetector where it exists (Chrome on
// Android), otherwise ZXing (@zxing/browser), loaded only when the camera is first opened so the
// page stays light. 1D codes (Code 128, Code 39, EAN, ITF, Codabar) and QR. The camera stops when
// this component goes away (the page is left or the camera closed) or the page is hidden.

const FORMATS = [
  'code_128',
  'code_39',
  'code_93',
  'codabar',
  'ean_13',
  'ean_8',
  'itf',
  'upc_a',
  'upc_e',
  'qr_code',
]
const DETECT_EVERY_MS = 150

/** The part of the Barcode Detection API used here (not yet in TypeScript's DOM library). */
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>
}
interface BarcodeDetectorClass {
  new (options: { formats: string[] }): BarcodeDetectorLike
  getSupportedFormats(): Promise<string[]>
}

interface CameraReaderProps {
  onCode: (code: string) => void
  onClose: () => void
}

export function CameraReader({ onCode, onClose }: CameraReaderProps) {
  const { t } = useI18n()
  const video = useRef<HTMLVideoElement>(null)
  const [error, setError] = useState<string | null>(null)
  const onCodeRef = useRef(onCode)
  onCodeRef.current = onCode

  useEffect(() => {
    const run = { stopped: false }
    const stoppedMeanwhile = () => run.stopped
    let stop = () => {}
    const element = video.current
    async function start() {
      if (!element) return
      // Undefined outside a secure context (plain http on the LAN).
      const media = navigator.mediaDevices as MediaDevices | undefined
      if (!media) {
        setError(t('scanner.cameraUnavailable'))
        return
      }
      const Detector = (window as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector
      const formats = Detector
        ? (await Detector.getSupportedFormats()).filter((f) => FORMATS.includes(f))
        : []
      if (Detector && formats.length > 0) {
        const stream = await media.getUserMedia({
          video: { facingMode: 'environment' },
          audio: false,
        })
        let timer: ReturnType<typeof setTimeout> | undefined
        stop = () => {
          clearTimeout(timer)
          stream.getTracks().forEach((track) => track.stop())
        }
        if (run.stopped) return stop()
        element.srcObject = stream
        await element.play()
        const detector = new Detector({ formats })
        const tick = async () => {
          if (run.stopped) return
          try {
            for (const code of await detector.detect(element)) onCodeRef.current(code.rawValue)
          } catch {
            // A frame the detector could not read: try the next one.
          }
          timer = setTimeout(() => void tick(), DETECT_EVERY_MS)
        }
        void tick()
        return
      }
      const { BrowserMultiFormatReader } = await import('@zxing/browser')
      if (run.stopped) return
      const reader = new BrowserMultiFormatReader()
      const controls = await reader.decodeFromConstraints(
        { video: { facingMode: 'environment' }, audio: false },
        element,
        (result) => {
          if (result) onCodeRef.current(result.getText())
        },
      )
      stop = () => controls.stop()
      // Closed while the camera was starting: stop it now.
      if (stoppedMeanwhile()) stop()
    }
    start().catch((caught: unknown) => {
      const denied = caught instanceof DOMException && caught.name === 'NotAllowedError'
      setError(t(denied ? 'scanner.cameraDenied' : 'scanner.cameraUnavailable'))
    })
    const onHidden = () => {
      if (document.visibilityState === 'hidden') onClose()
    }
    document.addEventListener('visibilitychange', onHidden)
    return () => {
      run.stopped = true
      stop()
      document.removeEventListener('visibilitychange', onHidden)
    }
    // Starts once per opening: t or onClose changing must not restart the camera.
  }, [])

  return (
    <>
      {error !== null && <Alert type="warning" showIcon title={error} />}
      <video
        ref={video}
        muted
        playsInline
        aria-label={t('scanner.cameraView')}
        style={{ width: '100%', maxHeight: 240, background: '#000', borderRadius: 8 }}
      />
    </>
  )
}
