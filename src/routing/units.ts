// One brand helper for every unit type, so no brand string is typed twice.
declare const brand: unique symbol

/** A number (or other base type) tagged with a compile-time unit name. */
export type Brand<T, Name extends string> = T & { readonly [brand]: Name }

export type Seconds = Brand<number, 'Seconds'>
export type Meters = Brand<number, 'Meters'>
export type Kilograms = Brand<number, 'Kilograms'>
export type CubicMeters = Brand<number, 'CubicMeters'>
