import type { screenZhCN } from './screen.zh-CN'

export const screenEn: Record<keyof typeof screenZhCN, string> = {}
