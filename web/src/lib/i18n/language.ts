// The current UI language lives outside React too, so the API client can pick
// titleZh/detailZh or title/detail without being handed the language on every call.

export type Language = 'zh-CN' | 'en'

const STORAGE_KEY = 'cuntong.language'

function readStoredLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN'
  } catch {
    return 'zh-CN' // storage can be disabled; Chinese is the default
  }
}

let currentLanguage: Language = readStoredLanguage()
document.documentElement.lang = currentLanguage // index.html says zh-CN; a stored choice wins

export const getLanguage = (): Language => currentLanguage

export function storeLanguage(language: Language): void {
  currentLanguage = language
  document.documentElement.lang = language
  try {
    localStorage.setItem(STORAGE_KEY, language)
  } catch {
    // Not persisting is acceptable: the switch still works for this tab.
  }
}
