/** 简体中文 strings of the prep area; prep.en.ts must have the same keys. */
export const prepZhCN = {} as const
