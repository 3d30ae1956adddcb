import type { Mark } from '../../shared/protocol/marks'

/**
 * The ballot kept on the tablet from before its first send until the host acknowledges it, so
 * a lost connection or a page reload resends the very same ballot (same id) instead of losing it.
 */
export interface PendingBallot {
  voteId: string
  ballotId: string
  marks: Record<string, Mark>
  acked: boolean
  /** A changed ballot carries the one it replaces, as this tablet cast it. */
  replaces?: { ballotId: string; marks: Record<string, Mark> }
}

const key = 'plenary.ballot'

export function loadPending(): PendingBallot | null {
  try {
    const raw = localStorage.getItem(key)
    return raw ? (JSON.parse(raw) as PendingBallot) : null
  } catch {
    return null
  }
}

export function savePending(ballot: PendingBallot): void {
  try {
    localStorage.setItem(key, JSON.stringify(ballot))
  } catch {
    // Storage full or disabled: the ballot still goes out, it just cannot survive a reload.
  }
}

/** Random id made on the tablet. crypto.randomUUID needs a secure context; hall LANs are http. */
export function newBallotId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

const credentialKey = 'plenary.credential'

/** The credential from the card's join URL (then hidden from the address bar), or the one kept. */
export function takeCredential(): string | null {
  const fromUrl = new URLSearchParams(location.hash.slice(1)).get('c')
  try {
    if (fromUrl) {
      if (localStorage.getItem(credentialKey) !== fromUrl) localStorage.removeItem(key)
      localStorage.setItem(credentialKey, fromUrl)
      history.replaceState(null, '', location.pathname)
      return fromUrl
    }
    return localStorage.getItem(credentialKey)
  } catch {
    return fromUrl
  }
}
