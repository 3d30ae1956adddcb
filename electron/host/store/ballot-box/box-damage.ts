import type { Watermark } from './watermark-file'

/**
 * Why a box found at a start holds less than the host last recorded, in staff's words, or null
 * when it is whole. A slot torn by a stop mid-write is no damage: its write was never
 * acknowledged, and the other two hold every ballot that was.
 */
export function damageOf(
  slots: { missing: number; unreadable: string | null; generation: number },
  last: Watermark | null,
): string | null {
  const recorded = last ? `主机最后记录 ${last.cast} 张 / the host last recorded ${last.cast}` : ''
  if (slots.unreadable)
    return `票箱无法读取，现为空票箱 / the box could not be read (${slots.unreadable}) and is empty now. ${recorded}`
  if (slots.missing === 3)
    return `票箱文件全部缺失，现为空票箱 / every slot file is missing; the box is empty now. ${recorded}`
  if (slots.missing > 0)
    return `票箱缺少 ${slots.missing} 个槽文件，最新的选票可能已丢失 / ${slots.missing} slot file(s) missing: the newest ballots may be lost. ${recorded}`
  if (last && slots.generation < last.generation)
    return `票箱比主机最后记录的旧 / the box is older than the host last recorded (write ${slots.generation} < ${last.generation}). ${recorded}`
  return null
}
