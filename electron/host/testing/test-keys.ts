import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FileKeyVault } from '../store/ballot-box/vote-keys'

/** A key folder of the test's own, outside its data folder, as a hall laptop's is. */
export function testVault(): FileKeyVault {
  return new FileKeyVault(mkdtempSync(join(tmpdir(), 'plenary-keys-')))
}
