import { CameraOutlined, CloseOutlined } from '@ant-design/icons'
import { Button, Flex, Input, List, Typography, type InputRef } from 'antd'
import { lazy, Suspense, useEffect, useRef, useState } from 'react'
import { isApiError } from '../../lib/api-error'
import { errorMessage } from '../../lib/error-message'
import { useI18n } from '../../lib/i18n'
import type { MessageKey } from '../../lib/i18n'
import { beep, type ScanOutcome } from './scan-sound'

const CameraReader = lazy(() =>
  import('./camera-reader').then((module) => ({ default: module.CameraReader })),
)

/** What one accepted scan answers: the line to show, and whether it was a repeat. */
export interface ScanAnswer {
  text: string
  duplicate: boolean
}

interface RapidScannerProps {
  /** The input's label (and accessible name). */
  label: string
  placeholder: string
  /** Sends one scanned code; a refusal throws the API's error. */
  send: (code: string) => Promise<ScanAnswer>
  /** What a scanner or keyboard typed, made into the code to send ('' to ignore it). */
  normalize?: (raw: string) => string
  inputMode?: 'text' | 'numeric'
  /** Changing it puts the cursor back in the input (after choosing another scan type). */
  focusKey?: string
}

interface Entry {
  id: number
  code: string
  outcome: ScanOutcome | 'pending'
  text: string
}

const SHOWN = 20
/** The camera sees the same code many times a second: one scan per code in this window. */
const CAMERA_REPEAT_MS = 2500

const OUTCOMES: ScanOutcome[] = ['ok', 'duplicate', 'unknown', 'refused']

export const OUTCOME_COLOURS: Record<ScanOutcome | 'pending', { fg: string; bg: string }> = {
  ok: { fg: '#389e0d', bg: '#f6ffed' },
  duplicate: { fg: '#0958d9', bg: '#e6f4ff' },
  unknown: { fg: '#d46b08', bg: '#fff7e6' },
  refused: { fg: '#cf1322', bg: '#fff1f0' },
  pending: { fg: '#595959', bg: '#fafafa' },
}

const OUTCOME_LABEL: Record<ScanOutcome | 'pending', MessageKey> = {
  ok: 'scanner.outcome.ok',
  duplicate: 'scanner.outcome.duplicate',
  unknown: 'scanner.outcome.unknown',
  refused: 'scanner.outcome.refused',
  pending: 'scanner.outcome.pending',
}

const defaultNormalize = (raw: string) => raw.trim().toUpperCase()

/**
 * A scanner for a queue of parcels (issue 15), for the hub's handhelds and the station master's
 * phone: a keyboard-wedge scanner types the code and Enter into the input, which clears and keeps
 * the cursor at once; the phone camera reads barcodes and QR codes into the same queue. Scans are
 * sent one after another in the order scanned, without holding up the next scan; each answer shows
 * in its colour with its sound, counted per outcome, the last ones listed.
 */
export function RapidScanner({
  label,
  placeholder,
  send,
  normalize = defaultNormalize,
  inputMode = 'text',
  focusKey,
}: RapidScannerProps) {
  const { t } = useI18n()
  const input = useRef<InputRef>(null)
  const [value, setValue] = useState('')
  const [entries, setEntries] = useState<Entry[]>([])
  const [counts, setCounts] = useState<Record<ScanOutcome, number>>({
    ok: 0,
    duplicate: 0,
    unknown: 0,
    refused: 0,
  })
  const [camera, setCamera] = useState(false)
  const queue = useRef<{ id: number; code: string; send: RapidScannerProps['send'] }[]>([])
  const running = useRef(false)
  const nextId = useRef(1)
  const lastCameraRead = useRef<{ code: string; at: number } | null>(null)
  const mounted = useRef(true)

  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
    }
  }, [])

  useEffect(() => {
    input.current?.focus()
  }, [focusKey])

  function settle(id: number, outcome: ScanOutcome, text: string) {
    if (!mounted.current) return
    beep(outcome)
    setCounts((before) => ({ ...before, [outcome]: before[outcome] + 1 }))
    setEntries((before) =>
      before.map((entry) => (entry.id === id ? { ...entry, outcome, text } : entry)),
    )
  }

  async function drain() {
    if (running.current) return
    running.current = true
    try {
      for (let item = queue.current.shift(); item; item = queue.current.shift()) {
        try {
          const answer = await item.send(item.code)
          settle(
            item.id,
            answer.duplicate ? 'duplicate' : 'ok',
            answer.duplicate ? t('scanner.duplicateText', { code: item.code }) : answer.text,
          )
        } catch (error) {
          if (isApiError(error) && error.reason === 'unknown_waybill')
            settle(item.id, 'unknown', t('scanner.unknownText', { code: item.code }))
          else settle(item.id, 'refused', `${item.code}：${errorMessage(error, t)}`)
        }
      }
    } finally {
      running.current = false
    }
  }

  function enqueue(raw: string) {
    const code = normalize(raw)
    if (!code) return
    const id = nextId.current++
    setEntries((before) =>
      [{ id, code, outcome: 'pending' as const, text: code }, ...before].slice(0, SHOWN),
    )
    queue.current.push({ id, code, send })
    void drain()
  }

  function submit() {
    const typed = value
    setValue('')
    input.current?.focus()
    enqueue(typed)
  }

  function fromCamera(raw: string) {
    const now = Date.now()
    const last = lastCameraRead.current
    if (last && last.code === raw && now - last.at < CAMERA_REPEAT_MS) return
    lastCameraRead.current = { code: raw, at: now }
    enqueue(raw)
  }

  const latest = entries[0]
  const colours = OUTCOME_COLOURS[latest?.outcome ?? 'pending']

  return (
    <Flex vertical gap={8}>
      <Flex gap={8}>
        <Input
          ref={input}
          size="large"
          value={value}
          aria-label={label}
          placeholder={placeholder}
          inputMode={inputMode}
          autoComplete="off"
          autoCorrect="off"
          autoCapitalize="characters"
          spellCheck={false}
          enterKeyHint="send"
          onChange={(event) => setValue(event.target.value)}
          onPressEnter={submit}
          onBlur={(event) => {
            // A scanner types into whatever has the focus: keep it here unless the worker
            // moved to another control on purpose.
            if (event.relatedTarget === null && !camera) setTimeout(() => input.current?.focus(), 0)
          }}
          style={{ fontSize: 20, height: 56 }}
        />
        <Button
          size="large"
          style={{ height: 56, width: 56, flex: 'none' }}
          aria-label={camera ? t('scanner.closeCamera') : t('scanner.openCamera')}
          aria-pressed={camera}
          icon={camera ? <CloseOutlined aria-hidden /> : <CameraOutlined aria-hidden />}
          onClick={() => setCamera((open) => !open)}
        />
      </Flex>
      {camera && (
        <Suspense fallback={null}>
          <CameraReader onCode={fromCamera} onClose={() => setCamera(false)} />
        </Suspense>
      )}
      <div
        role="status"
        aria-live="polite"
        data-testid="scan-latest"
        data-outcome={latest?.outcome ?? 'none'}
        style={{
          minHeight: 64,
          padding: '10px 12px',
          borderRadius: 8,
          border: `2px solid ${colours.fg}`,
          background: colours.bg,
          color: colours.fg,
          fontSize: 18,
          fontWeight: 600,
          display: 'flex',
          alignItems: 'center',
          wordBreak: 'break-all',
        }}
      >
        {latest ? `${t(OUTCOME_LABEL[latest.outcome])} · ${latest.text}` : t('scanner.ready')}
      </div>
      <Flex gap={6}>
        {OUTCOMES.map((outcome) => (
          <div
            key={outcome}
            data-testid={`scan-count-${outcome}`}
            aria-label={`${t(OUTCOME_LABEL[outcome])} ${counts[outcome]}`}
            style={{
              flex: 1,
              textAlign: 'center',
              padding: '6px 2px',
              borderRadius: 8,
              background: OUTCOME_COLOURS[outcome].bg,
              color: OUTCOME_COLOURS[outcome].fg,
            }}
          >
            <div style={{ fontSize: 22, fontWeight: 700, lineHeight: 1.2 }}>{counts[outcome]}</div>
            <div style={{ fontSize: 12 }}>{t(OUTCOME_LABEL[outcome])}</div>
          </div>
        ))}
      </Flex>
      <List<Entry>
        size="small"
        aria-label={t('scanner.recent')}
        dataSource={entries}
        locale={{ emptyText: t('scanner.none') }}
        renderItem={(entry) => (
          <List.Item
            data-outcome={entry.outcome}
            style={{
              borderLeft: `4px solid ${OUTCOME_COLOURS[entry.outcome].fg}`,
              paddingLeft: 8,
            }}
          >
            <Flex vertical style={{ width: '100%', minWidth: 0 }}>
              <Flex justify="space-between" gap={8}>
                <Typography.Text strong>{entry.code}</Typography.Text>
                <Typography.Text style={{ color: OUTCOME_COLOURS[entry.outcome].fg }}>
                  {t(OUTCOME_LABEL[entry.outcome])}
                </Typography.Text>
              </Flex>
              {entry.outcome !== 'pending' && (
                <Typography.Text type="secondary" style={{ wordBreak: 'break-all' }}>
                  {entry.text}
                </Typography.Text>
              )}
            </Flex>
          </List.Item>
        )}
      />
    </Flex>
  )
}
