import type { Mark } from '../../shared/protocol/marks'
import type { BallotId, VoteId } from '../../shared/protocol/ids'

/**
 * What a tablet keeps, and for how long. A ballot is kept from before its first send until the
 * host acknowledges it (it is on the host's disk then), so a lost connection or a page reload
 * resends the very same ballot (same id) instead of losing it; at the acknowledgement it is
 * gone, and nothing on the tablet shows or proves how the deputy voted. Marks chosen but not
 * yet confirmed survive a reload of the same tab (sessionStorage), and go when the ballot is
 * sent. The credential stays until another card is opened on this tablet.
 */
export interface PendingBallot {
  voteId: VoteId
  ballotId: BallotId
  marks: Record<string, Mark>
  /** Replaces the deputy's counted ballot (the host knows which). */
  change?: true
}

const key = 'plenary.ballot'
const draftKey = 'plenary.draft'
const credentialKey = 'plenary.credential'

export function loadPending(): PendingBallot | null {
  return read<PendingBallot>(localStorage, key)
}

export function savePending(ballot: PendingBallot): void {
  // Storage full or disabled: the ballot still goes out, it just cannot survive a reload.
  write(localStorage, key, ballot)
}

/** The host acknowledged it (or can never take it): nothing of it stays. */
export function clearPending(): void {
  remove(localStorage, key)
}

/** The marks chosen so far on this vote's ballot, if this tab was reloaded before sending. */
export function loadDraft(voteId: string): Record<string, Mark> | undefined {
  const draft = read<{ voteId: string; marks: Record<string, Mark> }>(sessionStorage, draftKey)
  return draft?.voteId === voteId ? draft.marks : undefined
}

export function saveDraft(voteId: string, marks: Record<string, Mark>): void {
  write(sessionStorage, draftKey, { voteId, marks })
}

export function clearDraft(): void {
  remove(sessionStorage, draftKey)
}

/** Random id made on the tablet. crypto.randomUUID needs a secure context; hall LANs are http. */
export function newBallotId(): BallotId {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('') as BallotId
}

/** The credential from the card's join URL (then hidden from the address bar), or the one kept. */
export function takeCredential(): string | null {
  const fromUrl = new URLSearchParams(location.hash.slice(1)).get('c')
  try {
    if (fromUrl) {
      keepCredential(fromUrl)
      history.replaceState(null, '', location.pathname)
      return fromUrl
    }
    return localStorage.getItem(credentialKey)
  } catch {
    return fromUrl
  }
}

/**
 * Keeps a card's credential: from its QR code, or handed over by the host after its join code
 * was typed. Another deputy's card: nothing of the previous deputy's stays on this tablet.
 */
export function keepCredential(credential: string): void {
  try {
    if (localStorage.getItem(credentialKey) !== credential) {
      localStorage.removeItem(key)
      clearDraft()
    }
    localStorage.setItem(credentialKey, credential)
  } catch {
    // Disabled storage: the tablet knows its deputy until the page is closed.
  }
}

function read<T>(storage: Storage, name: string): T | null {
  try {
    const raw = storage.getItem(name)
    return raw ? (JSON.parse(raw) as T) : null
  } catch {
    return null
  }
}

function write(storage: Storage, name: string, value: unknown): void {
  try {
    storage.setItem(name, JSON.stringify(value))
  } catch {
    // Full or disabled storage: kept in memory only.
  }
}

function remove(storage: Storage, name: string): void {
  try {
    storage.removeItem(name)
  } catch {
    // Disabled storage held nothing.
  }
}
