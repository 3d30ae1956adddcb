import { z } from 'zod'

/**
 * The scrutineers (监票) of a meeting: 总监票人 (one or more), 监票人 and 计票人, each with their
 * delegation, approved by the hall before the first vote. They sign the result report, whose
 * signature lines print their names.
 */
export const scrutineerRoles = ['chief', 'scrutineer', 'teller'] as const
export type ScrutineerRole = (typeof scrutineerRoles)[number]

/** Printed on papers: a person's name, no line breaks or control characters. */
const printable = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    // eslint-disable-next-line no-control-regex -- control characters are what is refused
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), { message: 'control characters' })

export const scrutineerSchema = z.object({
  role: z.enum(scrutineerRoles),
  name: printable(50).pipe(z.string().min(1)),
  delegation: printable(100).default(''),
})
export type Scrutineer = z.infer<typeof scrutineerSchema>

export interface Scrutineers {
  members: Scrutineer[]
  /** When staff recorded the hall's approval (通过); null until then, and again after an edit. */
  approvedAt: string | null
}

export const noScrutineers = (): Scrutineers => ({ members: [], approvedAt: null })

export const scrutineersSetInputSchema = z.object({
  members: z.array(scrutineerSchema).max(60),
  /** Required to change an approved list once a vote has opened; logged. */
  reason: z.string().trim().min(2).max(500).optional(),
})
export type ScrutineersSetInput = z.input<typeof scrutineersSetInputSchema>

/** Roles the hall must fill before it approves: a 总监票人 and a 监票人 at least. */
export const requiredScrutineerRoles: readonly ScrutineerRole[] = ['chief', 'scrutineer']

/** The members of one role, in the order staff listed them. */
export function membersOf(s: Scrutineers | undefined, role: ScrutineerRole): Scrutineer[] {
  return (s?.members ?? []).filter((m) => m.role === role)
}
