import sanitizeHtml from 'sanitize-html'

// Product descriptions are rich text written by merchants and shown to every shopper. The
// console's description field takes simple HTML (paragraphs, bold, lists, links, images), so
// exactly that survives; sanitize-html parses it as a browser would, and scripts, styles, event
// handlers, frames and script-capable URLs never reach the page.

/** Links to the web; images from the web or our own media route. Checked after entity decoding. */
const LINK_URL = /^https?:\/\//i
const IMAGE_URL = /^(https?:\/\/|\/api\/commerce\/images\/)/i
const PIXELS = /^\d{1,4}$/

/** Elements removed together with everything inside them, not just their tags. */
const DROPPED_WITH_CONTENT = [
  'script',
  'style',
  'textarea',
  'option',
  'select',
  'noscript',
  'noembed',
  'noframes',
  'iframe',
  'frameset',
  'object',
  'embed',
  'applet',
  'template',
  'svg',
  'math',
  'title',
  'xmp',
]

/** The attributes kept, by their decoded value; `undefined` drops the attribute. */
function keepIf(value: string | undefined, pattern: RegExp): string | undefined {
  const trimmed = value?.trim()
  return trimmed !== undefined && pattern.test(trimmed) ? trimmed : undefined
}

function withoutUndefined(attributes: Record<string, string | undefined>): sanitizeHtml.Attributes {
  return Object.fromEntries(
    Object.entries(attributes).filter((entry): entry is [string, string] => entry[1] !== undefined),
  )
}

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
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
    'h2',
    'h3',
    'h4',
    'blockquote',
    'span',
    'a',
    'img',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'target'],
    img: ['src', 'alt', 'width', 'height'],
  },
  // A second line of defence behind the patterns above.
  allowedSchemes: ['http', 'https'],
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: DROPPED_WITH_CONTENT,
  transformTags: {
    a: (tagName, attribs) => {
      const href = keepIf(attribs.href, LINK_URL)
      return {
        tagName,
        attribs: withoutUndefined({
          href,
          title: attribs.title,
          // A merchant's link opens apart from the shop and earns no ranking from it.
          ...(href ? { rel: 'noopener noreferrer nofollow', target: '_blank' } : {}),
        }),
      }
    },
    img: (tagName, attribs) => ({
      tagName,
      attribs: withoutUndefined({
        src: keepIf(attribs.src, IMAGE_URL),
        alt: attribs.alt,
        width: keepIf(attribs.width, PIXELS),
        height: keepIf(attribs.height, PIXELS),
      }),
    }),
  },
  // An image whose source was refused would show as a broken icon: it goes.
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
}

/** The HTML with only the editor's tags and attributes; text is escaped, nothing else passes. */
export function sanitizeRichText(html: string): string {
  // NUL has no place in a description; dropping it first means `<scr\0ipt>` hides nothing.
  return sanitizeHtml(html.replaceAll('\0', ''), OPTIONS)
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

/** The words of a (sanitized) description, for the search text; not a sanitizer. */
export const plainTextOf = (html: string): string =>
  decodeEntities(html.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim()
