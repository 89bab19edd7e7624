import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, inject, type TestContext } from 'vitest'

export const ARTIFACTS_DIR = fileURLToPath(new URL('../artifacts', import.meta.url))

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

/**
 * One Chromium per test file. Playwright's launch() gives it a fresh temporary
 * user-data-dir and deletes it on close; each test then gets its own context (cookies, storage).
 */
export function useBrowser(): { browser: () => Browser; baseURL: string } {
  let browser: Browser | undefined
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_ARGS,
    })
  })
  afterAll(async () => {
    await browser?.close()
  })
  return {
    browser: () => {
      if (!browser) throw new Error('the browser is not running yet')
      return browser
    },
    baseURL: inject('baseURL'),
  }
}

export interface Session {
  context: BrowserContext
  page: Page
}

/** A fresh context and page, closed after the test; on failure a screenshot lands in e2e/artifacts/. */
/** A phone's screen, for the pages drivers, station masters and villagers use. */
export const PHONE = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true }

export async function openPage(
  browser: Browser,
  baseURL: string,
  test: TestContext,
  device: {
    viewport: { width: number; height: number }
    isMobile?: boolean
    hasTouch?: boolean
  } = {
    viewport: { width: 1440, height: 900 },
  },
): Promise<Session> {
  const context = await browser.newContext({
    baseURL,
    locale: 'zh-CN',
    // Not Shanghai on purpose: times must still be shown in Asia/Shanghai.
    timezoneId: 'Europe/Berlin',
    ...device,
    reducedMotion: 'reduce', // the console then turns antd's animations off: no clicks on moving targets
  })
  context.setDefaultTimeout(10_000)
  const page = await context.newPage()
  // The test's own hook, not the global one: tests in a file may run concurrently.
  // One hook for both jobs, so the screenshot is taken before the context closes.
  test.onTestFinished(async ({ task }) => {
    if (task.result?.state === 'fail') await saveScreenshot(page, `failed-${task.name}`)
    await context.close()
  })
  return { context, page }
}

export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true })
  const file = path.join(ARTIFACTS_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`)
  await page.screenshot({ path: file, fullPage: true }).catch(() => undefined)
  return file
}
