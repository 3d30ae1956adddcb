import { useCallback, useEffect, useRef, useState } from 'react'
import type { ConsoleState, ConsoleVoteView } from '../../../shared/protocol/views'

const storageKey = 'plenary.console.vote'

/**
 * The vote staff most likely want when none is chosen (a fresh tab): the open one, then one
 * awaiting publication, then the one handled last, then the first draft. Never the next draft
 * after a publish: opening a vote is staff's own choice, made in the picker.
 */
export function defaultVote(votes: readonly ConsoleVoteView[]): ConsoleVoteView | null {
  const handled = votes
    .filter((v) => v.openedAt !== null)
    .reduce<ConsoleVoteView | null>(
      (last, v) => (last && (last.openedAt ?? '') >= (v.openedAt ?? '') ? last : v),
      null,
    )
  return (
    votes.find((v) => v.status === 'open') ??
    votes.findLast((v) => v.status === 'closed') ??
    handled ??
    votes.find((v) => v.status === 'draft') ??
    votes.at(-1) ??
    null
  )
}

function storedChoice(): string | null {
  try {
    return sessionStorage.getItem(storageKey)
  } catch {
    return null
  }
}

/**
 * The hall's one vote in hand, shared by the live panel and the projector control: it stays on
 * the vote being handled through a publish and a reload of the page (kept for this tab), and
 * follows a vote opened anywhere (another console, the agenda).
 */
export function useHallVote(state: ConsoleState | null) {
  const [chosen, setChosen] = useState<string | null>(storedChoice)
  const select = useCallback((voteId: string) => {
    setChosen(voteId)
    try {
      sessionStorage.setItem(storageKey, voteId)
    } catch {
      // Remembering the choice is a convenience only.
    }
  }, [])

  const openId = state?.votes.find((v) => v.status === 'open')?.id ?? null
  const lastOpen = useRef<string | null>(null)
  useEffect(() => {
    if (openId && openId !== lastOpen.current) select(openId)
    lastOpen.current = openId
  }, [openId, select])

  const votes = state?.votes ?? []
  const vote = votes.find((v) => v.id === chosen) ?? defaultVote(votes)
  return { vote, select }
}
