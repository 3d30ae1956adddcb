import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomFillSync } from 'node:crypto'

/**
 * What keeps an open vote's ballot box secret from a copy of the data folder (README, "Who may
 * read what"). The slot files change region by region as ballots come in, so two copies taken a
 * ballot apart differ by that ballot's region and its voter's: were either readable, the voter
 * and the ballot would be linked. Under a per-vote key kept outside the data folder
 * (vote-keys.ts), every region is encrypted whole, to a fixed size, with a fresh nonce each
 * time it is written (AES-256-GCM), and which region a ballot or a voter lives in is chosen by
 * a keyed hash (HMAC-SHA-256): a copy shows that some regions changed, never what is in them
 * nor whose they are. The key is destroyed once the box is sealed, so no later copy, and no
 * key found later, opens the copies taken while the vote was open.
 */

/** The nonce before a region's ciphertext and the tag after it. */
const NONCE_BYTES = 12
const TAG_BYTES = 16
export const SEALED_OVERHEAD = NONCE_BYTES + TAG_BYTES
export const VOTE_KEY_BYTES = 32

export class BoxCipher {
  /** Names the key in the slot headers, so a restarted host finds it (vote-keys.ts). */
  readonly keyId: string
  readonly #encryptionKey: Buffer
  readonly #placementKey: Buffer

  constructor(keyId: string, voteKey: Buffer) {
    if (voteKey.length !== VOTE_KEY_BYTES) throw new Error('ballot box key: wrong length')
    this.keyId = keyId
    // Two keys from one, each for one use: a key is never both a cipher's and a hash's.
    this.#encryptionKey = derive(voteKey, 'plenary-vote box regions')
    this.#placementKey = derive(voteKey, 'plenary-vote box placement')
  }

  /** Which of `regions` regions holds this ballot content key or deputy id. */
  place(key: string, regions: number): number {
    return createHmac('sha256', this.#placementKey).update(key).digest().readUInt32BE(0) % regions
  }

  /** `plain` encrypted: nonce, ciphertext (as long as `plain`), tag. */
  seal(plain: Buffer): Buffer {
    const out = Buffer.allocUnsafe(plain.length + SEALED_OVERHEAD)
    const nonce = out.subarray(0, NONCE_BYTES)
    randomFillSync(nonce)
    const cipher = createCipheriv('aes-256-gcm', this.#encryptionKey, nonce)
    const body = cipher.update(plain)
    body.copy(out, NONCE_BYTES)
    cipher.final()
    cipher.getAuthTag().copy(out, NONCE_BYTES + plain.length)
    return out
  }

  /** What `seal` made, or null when the bytes are not that (another key, a torn write). */
  open(sealed: Buffer): Buffer | null {
    if (sealed.length < SEALED_OVERHEAD) return null
    const end = sealed.length - TAG_BYTES
    try {
      const decipher = createDecipheriv(
        'aes-256-gcm',
        this.#encryptionKey,
        sealed.subarray(0, NONCE_BYTES),
      )
      decipher.setAuthTag(sealed.subarray(end))
      const plain = decipher.update(sealed.subarray(NONCE_BYTES, end))
      decipher.final()
      return plain
    } catch {
      return null
    }
  }
}

function derive(key: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), info, 32))
}
