import type { Ack } from '../envelope'
import type {
  PaperBallotInput,
  PaperBeginInput,
  PaperEntryContent,
  PaperEntryRef,
  PaperResolveInput,
  PaperStartInput,
  PaperTallyInput,
} from '../paper-count.schema'

/** The paper count (故障改人工计票): double entry of paper ballots in batches. */
export interface ConsolePaperEvents {
  /** The open vote goes to paper: tablets stop taking its ballots (audited). */
  'paper:start': (input: PaperStartInput, ack: Ack<null>) => void
  /** 发出 and 收回 as counted (audited, naming what a change replaced). */
  'paper:tallies': (input: PaperTallyInput, ack: Ack<null>) => void
  /** A 计票人 begins an entry of a batch on this device (or resumes theirs): its papers so far. */
  'paper:begin': (input: PaperBeginInput, ack: Ack<PaperEntryContent>) => void
  /** This device's entry read back (a reload). */
  'paper:entry': (input: PaperEntryRef, ack: Ack<PaperEntryContent>) => void
  /** One paper at its place: acknowledged once on disk. */
  'paper:type': (input: PaperBallotInput, ack: Ack<{ entered: number }>) => void
  /** The entry holds the whole stack: merged if the other agrees, else a mismatch to resolve. */
  'paper:finish': (
    input: PaperEntryRef,
    ack: Ack<{ outcome: 'waiting' | 'agreed' | 'mismatch' }>,
  ) => void
  /** A 监票人 enters the differing papers; the batch is merged (audited). */
  'paper:resolve': (input: PaperResolveInput, ack: Ack<{ merged: number }>) => void
  /** This device takes an entry over from one that failed (audited). */
  'paper:move': (input: PaperEntryRef, ack: Ack<PaperEntryContent>) => void
}
