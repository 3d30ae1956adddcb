import type { safetyZhCN } from './safety.zh-CN'

/** English strings of safety.zh-CN.ts (the same keys). */
export const safetyEn: Record<keyof typeof safetyZhCN, string> = {
  'console.refused.badge': 'Token refused',
  'console.refused.title': 'This console is no longer admitted',
  'console.refused.body':
    "The host refused this page's staff token: it was replaced (--rotate-staff-token), or this address belongs to another data folder or another host. Open the console URL the host printed at its latest start (http://127.0.0.1:PORT/console/#token=…), pasting it into this page's address bar will do; in the desktop app, use the app's own console window. Until then the buttons on this page do nothing and what it shows may be out of date.",
  'console.refused.retry': 'Reconnect',
  'console.offline.title': 'Lost the connection to the host',
  'console.offline.body':
    'Reconnecting on its own; after a host restart this page carries on. Until then the buttons are off and what is shown may be out of date.',
  'live.open.confirm':
    'Open “{title}” ({kind})? Ballots go to the {present} deputies present; once open, its rules and candidates cannot change.',
  'live.open.override':
    'No quorum ({present} present, {needed} needed). The reason for opening is logged: {reason}',
  'live.open.nobody':
    'Nobody is present: opening issues 0 ballots and no deputy can vote (deputies checking in later get one). Check the check-in first.',
  'live.open.anyway': 'Open anyway',
  'live.quorum.confirmTitle': 'Change the quorum',
  'live.quorum.confirm':
    'Change the quorum from “{from}” to “{to}”? Of {roster} deputies, {neededFrom} present needed becomes {neededTo}; {present} are present, so afterwards: {outcome}. The change is logged.',
  'live.quorum.change': 'Change',
  'console.loadDemo.confirm':
    'Load the demo meeting (an invented roster and projects, for rehearsal)?',
  'console.loadDemo.intoEmpty':
    'The current meeting “{title}” has no data yet: the demo is loaded into it and it is renamed.',
  'console.loadDemo.beside':
    'The current meeting “{title}” has data: the demo becomes a new meeting and the open one, and connected tablets leave “{title}”. That meeting is not changed and can be opened again from the list.',
  'live.key.noVote': '{key} did nothing: no vote is chosen.',
  'live.key.offline': '{key} did nothing: the connection to the host is lost.',
  'live.key.open.notDraft':
    '{key} (open) did nothing: “{title}” is {status}; only a vote not started can be opened.',
  'live.key.open.another':
    '{key} (open) did nothing: “{other}” is open, and only one vote can be open at a time.',
  'live.key.open.reason':
    '{key} (open) did nothing: no quorum; give the reason for opening first (2 characters or more, logged).',
  'live.key.close.notOpen': '{key} (close) did nothing: “{title}” is {status}, not open.',
  'live.key.close.closed':
    '{key} (close) did nothing: “{title}” is closed already and awaits publication; Alt+P publishes it.',
  'live.key.publish.open':
    '{key} (publish) did nothing: “{title}” is still open; close it first (Alt+C).',
  'live.key.publish.notClosed':
    '{key} (publish) did nothing: “{title}” is {status}; only a closed vote awaiting publication can be published.',
  'live.key.damaged':
    '{key} did nothing: the ballot box of “{title}” was found damaged; acknowledge it first.',
  'live.key.remind.notOpen': '{key} (remind) did nothing: “{title}” is not open.',
  'live.key.remind.allVoted': '{key} (remind) did nothing: every deputy present has voted.',
  'screen.control.follows': 'The projector buttons act on the vote chosen in the hall: “{title}”',
  'screen.control.noVote': 'No vote is chosen in the hall: the vote stages are off.',
  'screen.control.nowVote': 'Showing: {stage} · “{title}”',
}
