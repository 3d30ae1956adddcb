import { useCallback, useEffect, useRef, useState } from 'react'
import type { Socket } from 'socket.io-client'
import type { AppError } from '../../shared/protocol/envelope'
import type { DeputyClientEvents, DeputyServerEvents } from '../../shared/protocol/events'
import { namespaces } from '../../shared/protocol/events'
import type { CandidateDetail, DeputyState } from '../../shared/protocol/views'
import { withHall } from '../../shared/protocol/views'
import type { Mark } from '../../shared/protocol/marks'
import { connectNamespace, request } from '../common/socket'
import { dropSilentConnection, tabletLink } from '../../shared/protocol/tablet-link'
import type { PendingBallot } from './pending-ballot'
import {
  clearDraft,
  clearPending,
  keepCredential,
  loadPending,
  newBallotId,
  savePending,
  takeCredential,
} from './pending-ballot'
import type { VoteId } from '../../shared/protocol/ids'

type DeputySocket = Socket<DeputyServerEvents, DeputyClientEvents>

export type Phase = 'no-credential' | 'refused' | 'replaced' | 'connecting' | 'ready'

/** Who the tablet logs in as: its card's credential, or a join code being tried. */
type Login = { credential: string } | { code: string }

/** Why a typed join code did not join: wrong, or this address tried too many. */
export type CodeError = 'wrong' | 'rate-limited'

/**
 * The tablet's connection and its one pending ballot. A ballot is stored locally before the
 * first send and resent on every (re)connect until the host acknowledges its durable write;
 * then it is dropped (pending-ballot.ts): the page knows only that this vote was recorded.
 */
export function useDeputy() {
  const [login, setLogin] = useState<Login | null>(() => {
    const credential = takeCredential()
    return credential ? { credential } : null
  })
  const [phase, setPhase] = useState<Phase>(login ? 'connecting' : 'no-credential')
  const [codeError, setCodeError] = useState<CodeError | null>(null)
  const [connected, setConnected] = useState(false)
  const [state, setState] = useState<DeputyState | null>(null)
  const [pending, setPending] = useState<PendingBallot | null>(loadPending)
  /** The vote whose ballot the host acknowledged while this page was open: no more than that. */
  const [recorded, setRecorded] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  /** The vote staff reminded this deputy about, until the deputy dismisses the prompt. */
  const [reminded, setReminded] = useState<string | null>(null)
  /** Local time at which the open vote's limit runs out (from the host's time left). */
  const [endsAt, setEndsAt] = useState<number | null>(null)
  const socketRef = useRef<DeputySocket | null>(null)

  /**
   * Sends the ballot; `stale` when its vote is no longer the open one (the host recognises it if
   * it was counted before the close): any answer but a timeout ends it.
   */
  const send = useCallback(async (ballot: PendingBallot, stale = false) => {
    const socket = socketRef.current
    if (!socket?.connected) return
    setSending(true)
    const result = await request(
      socket,
      'ballot:submit',
      {
        voteId: ballot.voteId,
        ballotId: ballot.ballotId,
        marks: ballot.marks,
        ...(ballot.change ? { change: true } : {}),
      },
      tabletLink.ballotAckMs,
    )
    setSending(false)
    // No answer in time: the connection carries nothing (a silent access point). A fresh one is
    // made at once, and its state resends the ballot (below), with the same id.
    if (!result.ok && result.error.code === 'timeout') dropSilentConnection(socket)
    // The vote went to paper before this ballot was counted: the deputy votes on paper instead.
    const toPaper = !result.ok && result.error.code === 'paper-count'
    const settled = result.ok || toPaper || (stale && result.error.code !== 'timeout')
    if (settled) {
      if (loadPending()?.ballotId === ballot.ballotId) clearPending()
      setPending((current) => (current?.ballotId === ballot.ballotId ? null : current))
    }
    if (result.ok) {
      setRecorded(ballot.voteId)
      setError(null)
    } else if (result.error.code !== 'timeout' && !stale && !toPaper) {
      setError(result.error)
    }
  }, [])

  useEffect(() => {
    if (!login) return
    // Asked at every (re)connect: a tablet that joined by code logs in by its credential after.
    let auth: Login = login
    const socket = connectNamespace<DeputySocket>(namespaces.deputy, () => Promise.resolve(auth))
    socketRef.current = socket
    let retryTimer: ReturnType<typeof setTimeout> | undefined
    /** Refused, replaced or revoked: this socket stays down. */
    let stopped = false
    const stop = () => {
      stopped = true
      socket.disconnect()
    }
    // The device says it is on a network again: try now, not after the current wait.
    const onOnline = () => {
      if (!stopped && !socket.connected) socket.disconnect().connect()
    }
    window.addEventListener('online', onOnline)
    socket.on('connect', () => setConnected(true))
    socket.on('disconnect', () => setConnected(false))
    socket.on('connect_error', (err) => {
      const typed = 'code' in auth
      if (typed && (err.message === 'unauthorized' || err.message === 'rate-limited')) {
        // A typed code that did not join: back to the form, saying why.
        setCodeError(err.message === 'unauthorized' ? 'wrong' : 'rate-limited')
        setPhase('no-credential')
        setLogin(null)
        return
      }
      if (err.message === 'unauthorized') {
        setPhase('refused')
        stop()
      }
      // This address failed too many logins (another device guessing): the host refuses it for
      // a while. A middleware refusal is not retried by Socket.IO, so try again ourselves.
      if (err.message === 'rate-limited') retryTimer = setTimeout(() => socket.connect(), 30_000)
    })
    socket.on('deputy:credential', ({ credential }) => {
      keepCredential(credential)
      auth = { credential }
      // What another deputy left on this tablet is gone with the card change.
      setPending(loadPending())
    })
    socket.on('deputy:revoked', () => {
      setPhase('refused')
      stop()
    })
    socket.on('deputy:replaced', () => {
      setPhase('replaced')
      stop()
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
      // Resend a ballot this tablet sent but never saw acknowledged: the host recognises its id,
      // also once the vote has closed.
      const stored = loadPending()
      if (stored) void send(stored, next.vote?.id !== stored.voteId)
    })
    return () => {
      clearTimeout(retryTimer)
      window.removeEventListener('online', onOnline)
      socket.disconnect()
      socketRef.current = null
    }
  }, [login, send])

  /** Joins with the code typed from the card (already read as 12 valid characters). */
  const joinByCode = useCallback((code: string) => {
    setCodeError(null)
    setPhase('connecting')
    setLogin({ code })
  }, [])

  /** A first ballot, or (`change`, only offered when the vote allows it) one replacing it. */
  const submit = useCallback(
    (voteId: VoteId, marks: Record<string, Mark>, change = false) => {
      const ballot: PendingBallot = {
        voteId,
        ballotId: newBallotId(),
        marks,
        ...(change ? { change: true as const } : {}),
      }
      savePending(ballot)
      clearDraft()
      setPending(ballot)
      setRecorded(null)
      void send(ballot)
    },
    [send],
  )

  /** The open vote's candidates' details, asked of the host once per vote. */
  const detailsAsked = useRef(new Map<string, CandidateDetail[]>())
  const loadDetails = useCallback(async (voteId: VoteId) => {
    const known = detailsAsked.current.get(voteId)
    if (known) return known
    const socket = socketRef.current
    if (!socket?.connected) return null
    const result = await request(socket, 'vote:details', { voteId })
    if (!result.ok) return null
    detailsAsked.current.set(voteId, result.data)
    return result.data
  }, [])

  const retry = useCallback(() => {
    if (pending) void send(pending)
  }, [pending, send])

  return {
    phase,
    /** Logging in by a typed join code (until the host hands over the credential). */
    typedLogin: login !== null && 'code' in login,
    codeError,
    joinByCode,
    connected,
    state,
    pending,
    recorded,
    sending,
    error,
    submit,
    retry,
    loadDetails,
    reminded,
    dismissReminder: () => setReminded(null),
    endsAt,
  }
}
