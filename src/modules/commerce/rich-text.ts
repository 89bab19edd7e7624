// Product descriptions are rich text written by merchants and shown to every shopper, so only
// an allow-list of tags and attributes survives; scripts, styles, event handlers and
// javascript: links never reach the page.

const ALLOWED_TAGS = new Set([
  'p',
  'br',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'ul',
  'ol',
  'li',
  'h3',
  'h4',
  'blockquote',
  'img',
  'a',
  'span',
])
const VOID_TAGS = new Set(['br', 'img'])
/** Elements dropped together with everything inside them. */
const DROPPED_WITH_CONTENT = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'template',
  'noscript',
  'svg',
  'math',
  'textarea',
  'select',
])
const ALLOWED_ATTRIBUTES: Record<string, readonly string[]> = {
  a: ['href', 'title'],
  img: ['src', 'alt', 'width', 'height'],
}
/** Links to the web, and images from the web or our own media route. */
const SAFE_URL = /^(https?:\/\/|\/api\/commerce\/images\/)/i

const TAG = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g
const ATTRIBUTE = /([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*(?:=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g

const escapeText = (text: string): string =>
  text
    .replace(/&(?!(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
const escapeAttribute = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

function cleanAttributes(tag: string, source: string): string {
  const allowed = ALLOWED_ATTRIBUTES[tag] ?? []
  let out = ''
  for (const [, rawName = '', rawValue = ''] of source.matchAll(ATTRIBUTE)) {
    const name = rawName.toLowerCase()
    if (!allowed.includes(name)) continue
    const value = decodeEntities(rawValue.replace(/^["']|["']$/g, '')).trim()
    if ((name === 'href' || name === 'src') && !SAFE_URL.test(value)) continue
    if ((name === 'width' || name === 'height') && !/^\d{1,4}$/.test(value)) continue
    out += ` ${name}="${escapeAttribute(value)}"`
  }
  if (tag === 'a' && out.includes(' href='))
    out += ' rel="noopener noreferrer nofollow" target="_blank"'
  return out
}

/** The HTML with only allowed tags and attributes; text is escaped, nothing else passes. */
export function sanitizeRichText(html: string): string {
  let out = ''
  let last = 0
  let droppingUntil: string | null = null
  for (const match of html.matchAll(TAG)) {
    const [whole, closing, rawTag, attributes = ''] = match
    const text = html.slice(last, match.index)
    last = match.index + whole.length
    if (droppingUntil === null) out += escapeText(text)
    if (rawTag === undefined) continue // a comment
    const tag = rawTag.toLowerCase()
    if (droppingUntil !== null) {
      if (closing && tag === droppingUntil) droppingUntil = null
      continue
    }
    if (DROPPED_WITH_CONTENT.has(tag)) {
      if (!closing && !whole.endsWith('/>')) droppingUntil = tag
      continue
    }
    if (!ALLOWED_TAGS.has(tag)) continue
    if (closing) out += VOID_TAGS.has(tag) ? '' : `</${tag}>`
    else out += `<${tag}${cleanAttributes(tag, attributes)}>`
  }
  if (droppingUntil === null) out += escapeText(html.slice(last))
  return out
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (entity, body: string) => {
    if (!body.startsWith('#')) return ENTITIES[body.toLowerCase()] ?? entity
    const codePoint = body.startsWith('#x')
      ? parseInt(body.slice(2), 16)
      : parseInt(body.slice(1), 10)
    // Out-of-range numbers would make fromCodePoint throw; keep them as written.
    return codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : entity
  })
}

/** The words of a (sanitized) description, for the search text. */
export const plainTextOf = (html: string): string =>
  decodeEntities(html.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim()
