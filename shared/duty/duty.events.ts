import type { Ack } from '../protocol/envelope'
import type { DutyDeputyPage, DutyView } from './duty-view'
import type {
  DutyConfirmInput,
  DutyJoinInput,
  DutySeparateInput,
  PointsRuleInput,
} from './duty.schema'

/** 代表履职: each deputy's attendance across the data folder's meetings, and who is who. */
export interface ConsoleDutyEvents {
  'duty:view': (input: Record<string, never>, ack: Ack<DutyView>) => void
  /** One deputy's page: every meeting, how and when they checked in, leave and its reason. */
  'duty:deputy': (input: { key: string }, ack: Ack<DutyDeputyPage>) => void
  /** This meeting's deputy is the same person as that one (of another meeting). */
  'duty:join': (input: DutyJoinInput, ack: Ack<{ changed: boolean }>) => void
  /** This meeting's deputy is a person of their own. */
  'duty:separate': (input: DutySeparateInput, ack: Ack<{ changed: boolean }>) => void
  /** Staff agree with these matches (each still exactly one person). */
  'duty:confirm': (input: DutyConfirmInput, ack: Ack<{ confirmed: number }>) => void
  /** The points rule, or null for none. */
  'duty:points-rule': (input: PointsRuleInput, ack: Ack<{ changed: boolean }>) => void
}
