import { useCallback, useEffect, useRef, useState } from 'react'
import type { Socket } from 'socket.io-client'
import type { AppError } from '../../shared/protocol/envelope'
import type { DeputyClientEvents, DeputyServerEvents } from '../../shared/protocol/events'
import { namespaces } from '../../shared/protocol/events'
import type { DeputyState } from '../../shared/protocol/views'
import { withHall } from '../../shared/protocol/views'
import type { Mark } from '../../shared/protocol/marks'
import type { BallotReceipt } from '../../shared/protocol/vote.schema'
import { connectNamespace, request } from '../common/socket'
import type { PendingBallot } from './pending-ballot'
import { loadPending, newBallotId, savePending, takeCredential } from './pending-ballot'

type DeputySocket = Socket<DeputyServerEvents, DeputyClientEvents>

export type Phase = 'no-credential' | 'refused' | 'replaced' | 'connecting' | 'ready'

/**
 * The tablet's connection and its one pending ballot. A ballot is stored locally before the
 * first send and resent on every (re)connect until the host acknowledges its durable write.
 */
export function useDeputy() {
  const [credential] = useState(takeCredential)
  const [phase, setPhase] = useState<Phase>(credential ? 'connecting' : 'no-credential')
  const [connected, setConnected] = useState(false)
  const [state, setState] = useState<DeputyState | null>(null)
  const [pending, setPending] = useState<PendingBallot | null>(loadPending)
  const [sending, setSending] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  /** The vote staff reminded this deputy about, until the deputy dismisses the prompt. */
  const [reminded, setReminded] = useState<string | null>(null)
  /** Local time at which the open vote's limit runs out (from the host's time left). */
  const [endsAt, setEndsAt] = useState<number | null>(null)
  const socketRef = useRef<DeputySocket | null>(null)

  const send = useCallback(async (ballot: PendingBallot) => {
    const socket = socketRef.current
    if (!socket?.connected) return
    setSending(true)
    const result = await request<BallotReceipt>(socket, 'ballot:submit', {
      voteId: ballot.voteId,
      ballotId: ballot.ballotId,
      marks: ballot.marks,
      ...(ballot.replaces ? { replaces: ballot.replaces } : {}),
    })
    setSending(false)
    if (result.ok) {
      const acked = { ...ballot, acked: true }
      savePending(acked)
      setPending(acked)
      setError(null)
    } else if (result.error.code !== 'timeout') {
      setError(result.error)
    }
  }, [])

  useEffect(() => {
    if (!credential) return
    const socket = connectNamespace<DeputySocket>(namespaces.deputy, { credential })
    socketRef.current = socket
    let retryTimer: ReturnType<typeof setTimeout> | undefined
    socket.on('connect', () => setConnected(true))
    socket.on('disconnect', () => setConnected(false))
    socket.on('connect_error', (err) => {
      if (err.message === 'unauthorized') {
        setPhase('refused')
        socket.disconnect()
      }
      // This address failed too many logins (another device guessing): the host refuses it for
      // a while. A middleware refusal is not retried by Socket.IO, so try again ourselves.
      if (err.message === 'rate-limited') retryTimer = setTimeout(() => socket.connect(), 30_000)
    })
    socket.on('deputy:revoked', () => {
      setPhase('refused')
      socket.disconnect()
    })
    socket.on('deputy:replaced', () => {
      setPhase('replaced')
      socket.disconnect()
    })
    socket.on('deputy:remind', ({ voteId }) => setReminded(voteId))
    const countDown = (vote: DeputyState['vote']) =>
      setEndsAt(vote?.remainingMs == null ? null : Date.now() + vote.remainingMs)
    // The meeting and the open vote, sent to every tablet alike; a tablet without its own state
    // yet gets that state right after, so the message is only merged into one it has.
    socket.on('deputy:hall', (hall) => {
      setState((current) => current && withHall(current, hall))
      countDown(hall.vote)
    })
    socket.on('deputy:state', (next) => {
      setState(next)
      countDown(next.vote)
      setPhase('ready')
      const stored = loadPending()
      // Resend a ballot this tablet sent but never saw acknowledged, or one the host says it
      // does not hold (restored from an older copy): the host recognises its id either way.
      if (stored && next.vote?.id === stored.voteId && (!stored.acked || !next.voted))
        void send(stored)
    })
    return () => {
      clearTimeout(retryTimer)
      socket.disconnect()
      socketRef.current = null
    }
  }, [credential, send])

  const submit = useCallback(
    (voteId: string, marks: Record<string, Mark>) => {
      const ballot: PendingBallot = { voteId, ballotId: newBallotId(), marks, acked: false }
      savePending(ballot)
      setPending(ballot)
      void send(ballot)
    },
    [send],
  )

  /** Replaces this tablet's acknowledged ballot (only offered when the vote allows changes). */
  const change = useCallback(
    (voteId: string, marks: Record<string, Mark>) => {
      const previous = loadPending()
      if (!previous || previous.voteId !== voteId || !previous.acked) return
      const ballot: PendingBallot = {
        voteId,
        ballotId: newBallotId(),
        marks,
        acked: false,
        replaces: { ballotId: previous.ballotId, marks: previous.marks },
      }
      savePending(ballot)
      setPending(ballot)
      void send(ballot)
    },
    [send],
  )

  const retry = useCallback(() => {
    if (pending && !pending.acked) void send(pending)
  }, [pending, send])

  return {
    phase,
    connected,
    state,
    pending,
    sending,
    error,
    submit,
    change,
    retry,
    reminded,
    dismissReminder: () => setReminded(null),
    endsAt,
  }
}
