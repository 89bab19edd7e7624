// Client-side copies of the API's patterns, so most mistakes show before a round trip.
// The server validates again and its field errors are shown the same way.

/** A mainland mobile, or a landline with its area code (0350-6543210). */
export const PHONE_NUMBER = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/

/** 统一社会信用代码 (GB 32100-2015): 18 digits or capitals without I, O, S, V, Z. */
export const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/

export const USERNAME = /^[A-Za-z][A-Za-z0-9_.-]{2,31}$/

export const MIN_PASSWORD_LENGTH = 8

/** A station's opening hours, local time: 08:00-18:00. */
export const OPENING_HOURS = /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d$/
