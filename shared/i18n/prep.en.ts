import type { prepZhCN } from './prep.zh-CN'

export const prepEn: Record<keyof typeof prepZhCN, string> = {}
