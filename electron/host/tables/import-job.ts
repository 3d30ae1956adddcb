import type { BudgetUnit } from '../../../shared/protocol/preparation.schema'
import { readCsv } from './csv-reader'
import type { ImportPreview } from './import-problems'
import type { ProgressRow } from './progress-import'
import { parseProgressFile } from './progress-import'
import type { ProjectRow } from './project-import'
import { parseProjectFile } from './project-import'
import type { ProposalRow } from './proposal-import'
import { parseProposalFile } from './proposal-import'
import type { SpreadsheetReaders } from './read-file'
import type { RosterRow } from './roster-import'
import { parseRosterFile } from './roster-import'
import { readXlsx } from './xlsx-reader'

export type ImportKind = 'roster' | 'projects' | 'proposals' | 'progress'

/** What staff said about the file, with the upload: so far, the unit of its money column. */
export interface ImportJobOptions {
  budgetUnit?: BudgetUnit
}

/** One upload to parse. */
export interface ImportJob {
  kind: ImportKind
  data: Uint8Array
  fileName: string
  options?: ImportJobOptions
}

/** The meeting's own lists (preparation.service.ts). */
export type ListImport = ImportPreview<RosterRow> | ImportPreview<ProjectRow>

export type ParsedImport = ListImport | ImportPreview<ProposalRow> | ImportPreview<ProgressRow>

/** Loaded with this module: it is the import worker's, which exists to parse one file. */
const readers: SpreadsheetReaders = { readXlsx, readCsv }

export function parseImport({ kind, data, fileName, options }: ImportJob): Promise<ParsedImport> {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength)
  const parse = {
    roster: () => parseRosterFile(bytes, fileName, { readers }),
    projects: () => parseProjectFile(bytes, fileName, { readers, budgetUnit: options?.budgetUnit }),
    proposals: () => parseProposalFile(bytes, fileName, { readers }),
    progress: () => parseProgressFile(bytes, fileName, { readers }),
  }
  return parse[kind]()
}
