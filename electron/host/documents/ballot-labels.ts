import type { VoteKind } from '../../../shared/protocol/vote-rules.schema'

/** Every fixed string a paper ballot prints (the font-coverage test reads them too). */
export const ballotLabels = {
  title: { select: '选票', 'per-item': '表决票', motion: '表决票', rating: '测评票' } as Readonly<
    Record<VoteKind, string>
  >,
  order: '序号',
  project: '项目名称',
  motion: '表决事项',
  docNumber: '文号',
  columns: {
    select: ['赞成'],
    'per-item': ['赞成', '反对', '弃权'],
    motion: ['赞成', '反对', '弃权'],
    rating: ['满意', '基本满意', '不满意', '弃权'],
  } as Readonly<Record<VoteKind, readonly string[]>>,
  howTo: {
    select: (n: number, k: number) =>
      `${n}选${k}：最多选 ${k} 项。请在赞成的项目后的方框内划“✓”，未划的为不赞成；所划超过 ${k} 项的，本票无效。`,
    perItem:
      '请对每个项目在“赞成”“反对”“弃权”中任选一项划“✓”；未划的按弃权计，同一项目划两个以上的按弃权计。',
    perItemMax: (max: number) => `赞成的项目最多 ${max} 项；超过的，本票无效。`,
    motion: '请在“赞成”“反对”“弃权”中任选一项划“✓”；未划或划两个以上的按弃权计。',
    rating:
      '请对每个项目在“满意”“基本满意”“不满意”“弃权”中任选一项划“✓”；未划或划两个以上的按弃权计。',
  },
  secret: '本票为无记名投票：请勿在票上署名或作其他标记，写好后投入票箱。',
  page: (n: number, of: number) => `第 ${n} 页 / 共 ${of} 页（各页为同一张票）`,
} as const
