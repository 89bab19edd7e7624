export type MessageTable = Record<string, readonly [zh: string, en: string]>
