// Each outcome has its own sound, made on the spot with the Web Audio API (no audio files): a
// short high beep for ok, two for a duplicate, a low tone for an unknown waybill, a buzz for a
// refusal. A hub worker hears the answer without looking at the screen.

export type ScanOutcome = 'ok' | 'duplicate' | 'unknown' | 'refused'

interface Tone {
  frequency: number
  seconds: number
  wave: OscillatorType
}

const TONES: Record<ScanOutcome, Tone[]> = {
  ok: [{ frequency: 1046, seconds: 0.08, wave: 'sine' }],
  duplicate: [
    { frequency: 784, seconds: 0.06, wave: 'sine' },
    { frequency: 784, seconds: 0.06, wave: 'sine' },
  ],
  unknown: [{ frequency: 330, seconds: 0.25, wave: 'triangle' }],
  refused: [{ frequency: 180, seconds: 0.35, wave: 'square' }],
}

let context: AudioContext | null = null

/** Plays the outcome's tone; silently nothing where the browser has no Web Audio. */
export function beep(outcome: ScanOutcome): void {
  try {
    context ??= new AudioContext()
    if (context.state === 'suspended') void context.resume()
    let start = context.currentTime
    for (const tone of TONES[outcome]) {
      const oscillator = context.createOscillator()
      const gain = context.createGain()
      oscillator.type = tone.wave
      oscillator.frequency.value = tone.frequency
      gain.gain.setValueAtTime(0.2, start)
      gain.gain.exponentialRampToValueAtTime(0.001, start + tone.seconds)
      oscillator.connect(gain).connect(context.destination)
      oscillator.start(start)
      oscillator.stop(start + tone.seconds)
      start += tone.seconds + 0.05
    }
    if (outcome === 'refused' || outcome === 'unknown')
      (navigator as { vibrate?: (ms: number) => boolean }).vibrate?.(200)
  } catch {
    // No audio device, or a browser without Web Audio: the colour and text still tell.
  }
}
