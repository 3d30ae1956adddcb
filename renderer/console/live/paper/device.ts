/**
 * This console tab's id for the paper count: an entry belongs to the device it was begun on
 * (shared/protocol/paper-count.schema.ts), so a reload or a host restart lets this tab carry on
 * and a second device cannot type into it by mistake. Kept for the tab (sessionStorage): a
 * second tab is a second device, as a second tablet would be.
 */
const key = 'plenary.paper-device'
const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

let memory: string | null = null

export function paperDevice(): string {
  try {
    const kept = sessionStorage.getItem(key)
    if (kept) return kept
  } catch {
    // Storage refused: the id lives as long as the page.
  }
  if (!memory) {
    const bytes = crypto.getRandomValues(new Uint8Array(16))
    memory = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('')
  }
  try {
    sessionStorage.setItem(key, memory)
  } catch {
    // As above.
  }
  return memory
}
