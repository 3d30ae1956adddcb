import type {
  BudgetUnit,
  ImportPreviewView,
  ProjectRowView,
  RosterRowView,
} from '../../shared/protocol/preparation.schema'
import type { ProgressRowView } from '../../shared/year/year.schema'
import type { ProposalRowView } from '../../shared/year/proposals'

/**
 * The host's staff HTTP endpoints (electron/host/http/api.ts). Links carry the staff token as
 * `?token=`, which api.ts accepts beside the Authorization header: a plain <a download> cannot
 * set headers. Uploads send the header.
 */
export function staffHref(
  path: string,
  token: string,
  params: Record<string, string | undefined> = {},
): string {
  const query = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value)
  query.set('token', token)
  return `${path}?${query.toString()}`
}

export type ImportKind = 'roster' | 'projects' | 'proposals' | 'progress'
export type RowOf<K extends ImportKind> = K extends 'roster'
  ? RosterRowView
  : K extends 'projects'
    ? ProjectRowView
    : K extends 'proposals'
      ? ProposalRowView
      : ProgressRowView

export type UploadOutcome<K extends ImportKind> =
  { ok: true; preview: ImportPreviewView<RowOf<K>> } | { ok: false; message: string }

/** Sends a spreadsheet for a preview; nothing is imported until staff confirm a clean one. */
export async function uploadSpreadsheet<K extends ImportKind>(
  kind: K,
  file: File,
  token: string,
  /** Staff's answer to a question the preview asked: the unit of the money column. */
  budgetUnit?: BudgetUnit,
): Promise<UploadOutcome<K>> {
  const query = new URLSearchParams({ name: file.name })
  if (budgetUnit) query.set('budgetUnit', budgetUnit)
  try {
    const res = await fetch(`/api/import/${kind}?${query.toString()}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
      body: file,
    })
    const body = (await res.json().catch(() => null)) as
      ImportPreviewView<RowOf<K>> | { error?: string } | null
    if (res.ok && body && 'problems' in body) return { ok: true, preview: body }
    const message = body && 'error' in body && body.error ? body.error : `HTTP ${res.status}`
    return { ok: false, message }
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) }
  }
}
