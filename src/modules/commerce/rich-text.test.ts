import { describe, expect, it } from 'vitest'
import { plainTextOf, sanitizeRichText } from './rich-text.js'

// Merchants' descriptions reach every shopper: only the allow-list survives.

describe('sanitizeRichText', () => {
  it('keeps the formatting a product page needs', () => {
    const html =
      '<h3>产地</h3><p>五台山<strong>台顶</strong>草甸，<em>立秋</em>采集。</p><ul><li>100g</li></ul><img src="/api/commerce/images/abc" alt="台蘑" width="640">'
    expect(sanitizeRichText(html)).toBe(html)
  })

  it('drops scripts, styles, event handlers and javascript: links', () => {
    expect(
      sanitizeRichText(
        '<p style="x" onmouseover="steal()">好<script>alert("x")</script><style>p{}</style></p><iframe src="https://evil"></iframe><a href=" JaVaScRiPt:alert(1)">点我</a>',
      ),
    ).toBe('<p>好</p><a>点我</a>')
    expect(sanitizeRichText('<img src=x onerror=alert(1)>')).toBe('<img>')
    expect(sanitizeRichText('<a href="https://wutai.gov.cn" onclick="x">官网</a>')).toBe(
      '<a href="https://wutai.gov.cn" rel="noopener noreferrer nofollow" target="_blank">官网</a>',
    )
  })

  it('escapes stray markup and quotes instead of passing them through', () => {
    expect(sanitizeRichText('1 < 2 & 3 > 2 <!-- hidden --><b>x</b>')).toBe(
      '1 &lt; 2 &amp; 3 &gt; 2 <b>x</b>',
    )
    expect(sanitizeRichText('<img alt="&quot; onerror=&quot;alert(1)">')).toBe(
      '<img alt="&quot; onerror=&quot;alert(1)">',
    )
    expect(sanitizeRichText('<scr<script>ipt>alert(1)</script>')).not.toContain('<script')
    expect(sanitizeRichText('&#99999999999;')).toBe('&#99999999999;')
  })
})

describe('plainTextOf', () => {
  it('gives the words for the search text', () => {
    expect(plainTextOf('<p>台蘑&amp;小米</p><p>佛光村</p>')).toBe('台蘑&小米 佛光村')
  })
})
