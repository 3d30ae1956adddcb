import { randomBytes } from 'node:crypto'

/** 128 random bits, URL-safe: what a deputy's QR card carries. */
export function newCredential(): string {
  return randomBytes(16).toString('base64url')
}

/** Per host start, unless the shell hands one in. */
export function newStaffToken(): string {
  return randomBytes(24).toString('base64url')
}
