/** 简体中文 strings of the live area; live.en.ts must have the same keys. */
export const liveZhCN = {} as const
