/** 简体中文 strings of the screen area; screen.en.ts must have the same keys. */
export const screenZhCN = {} as const
