// Masking of personal data in lists: enough to tell entries apart, not enough to learn who
// receives what (PIPL's minimum-necessary rule).

/** 张三 → 张*; 欧阳娜娜 → 欧** */
export const maskName = (name: string): string =>
  name.length <= 1 ? '*' : `${name.slice(0, 1)}${'*'.repeat(Math.min(name.length - 1, 2))}`

/** 13912345678 → 139****5678 */
export const maskPhone = (phone: string): string =>
  phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****'
