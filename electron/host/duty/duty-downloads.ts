import type { ServerResponse } from 'node:http'
import { detailColumns, dutySheets, summaryColumns } from '../../../shared/duty/duty-export'
import { chinaDateTime } from '../../../shared/i18n/audit-sentence'
import { contentDisposition } from '../http/download-names'
import type { CsvEncoding } from './duty-csv'
import type { DutyService } from './duty.service'

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

function send(res: ServerResponse, type: string, name: string, ascii: string, body: Buffer) {
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Disposition': contentDisposition(name, ascii),
    'Cache-Control': 'no-store',
  })
  res.end(body)
}

function refuse(res: ServerResponse, status: number, message: string) {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
  })
  res.end(message)
}

const csvFiles = {
  '/api/duty/record.csv': { name: '代表履职明细', ascii: 'duty-record', columns: detailColumns },
  '/api/duty/summary.csv': { name: '代表履职汇总', ascii: 'duty-summary', columns: summaryColumns },
} as const

/**
 * 代表履职's downloads, drawn when asked: `/api/duty/record.xlsx` (明细, 汇总, 说明),
 * `/api/duty/record.csv` (a row per deputy per meeting) and `/api/duty/summary.csv` (a row per
 * deputy), each CSV in UTF-8 with a BOM or, with `?encoding=gbk`, in GBK. False for another path.
 */
export async function sendDutyDownload(
  duty: DutyService,
  url: URL,
  res: ServerResponse,
): Promise<boolean> {
  const path = url.pathname
  const csv = Object.hasOwn(csvFiles, path) ? csvFiles[path as keyof typeof csvFiles] : undefined
  if (path !== '/api/duty/record.xlsx' && !csv) return false
  const encoding = url.searchParams.get('encoding') ?? 'utf-8'
  if (encoding !== 'utf-8' && encoding !== 'gbk') {
    refuse(res, 400, '编码只能是 utf-8 或 gbk / the encoding must be utf-8 or gbk')
    return true
  }
  const sheets = dutySheets(await duty.record(), chinaDateTime(new Date().toISOString()))
  if (!csv) {
    const { renderDutyXlsx } = await import('./duty-export.xlsx')
    send(res, xlsxType, '代表履职记录.xlsx', 'duty-record.xlsx', await renderDutyXlsx(sheets))
    return true
  }
  const { dutyCsv, GbkError } = await import('./duty-csv')
  const rows = csv === csvFiles['/api/duty/record.csv'] ? sheets.detail : sheets.summary
  try {
    const body = await dutyCsv(csv.columns, rows, encoding as CsvEncoding)
    const suffix = encoding === 'gbk' ? '-GBK' : ''
    send(
      res,
      `text/csv; charset=${encoding === 'gbk' ? 'gbk' : 'utf-8'}`,
      `${csv.name}${suffix}.csv`,
      `${csv.ascii}${suffix.toLowerCase()}.csv`,
      body,
    )
  } catch (error) {
    if (!(error instanceof GbkError)) throw error
    refuse(res, 422, error.message)
  }
  return true
}
