import type { paperZhCN } from './paper.zh-CN'

/** English strings of the paper count; the same keys as paper.zh-CN.ts. */
export const paperEn: Record<keyof typeof paperZhCN, string> = {
  'error.paper-count.on':
    'This vote is now counted from paper: tablets cannot vote, and single paper entries are closed',
  'error.paper-count.off': 'This vote is not counted from paper',
  'error.paper-count.not-teller':
    '“{name}” is not a recorded teller (计票人): record them under Scrutineers first',
  'error.paper-count.not-scrutineer':
    '“{name}” is not a recorded chief scrutineer or scrutineer and cannot resolve',
  'error.paper-count.over-count':
    'Batch {batch} of {size} papers is more than the {left} left to count: not entered',
  'error.paper-count.size-differs':
    'The other entry of batch {batch} counted {first} papers, this one {size}: count the stack again',
  'error.paper-count.batch-full':
    'Batch {batch} has been entered twice, by {first} and {second}: no third entry',
  'error.paper-count.batch-merged':
    'Batch {batch} is agreed and counted into the box: it cannot be entered again',
  'error.paper-count.slot-held':
    'Entry {slot} of batch {batch} is {teller}’s on another device: this one cannot type into it (if that device failed, take it over here)',
  'error.paper-count.same-teller':
    '{teller} already entered batch {batch} once: its two entries must be by two tellers',
  'error.paper-count.same-device':
    'This device already holds an entry of batch {batch} ({teller}): the other must be on another device',
  'error.paper-count.no-entry': 'Batch {batch} has no entry {slot}',
  'error.paper-count.entry-finished':
    'Entry {slot} of batch {batch} is submitted and cannot change',
  'error.paper-count.entry-gap': 'Enter in order: {entered} entered, cannot jump to paper {place}',
  'error.paper-count.past-size': 'Batch {batch} has only {size} papers',
  'error.paper-count.entry-short':
    'Batch {batch} has {size} papers and {entered} are entered: enter them all first',
  'error.paper-count.no-mismatch': 'Batch {batch} has no papers to resolve',
  'error.paper-count.resolve-places': 'Resolve every paper the entries differ on: {places}',
  'error.paper-count.issued-over':
    '{issued} issued is more than the {toCount} deputies to count on paper',
  'error.paper-count.returned-over':
    '{returned} returned is more than {issued} issued: the vote is void; annul it and vote again',
  'error.paper-count.returned-under':
    '{returned} returned is fewer than the {held} papers already in batches',
  'error.paper-count.tallies-missing': 'Record the paper ballots issued and returned first',
  'error.paper-count.incomplete':
    'The paper count is not complete: {returned} returned, {merged} counted, {pending} awaiting agreement',

  'paper.title': 'Paper count',
  'paper.start': 'Count from paper…',
  'paper.start.confirm':
    '“{title}” goes to paper: tablets take no more ballots for it and the {tablet} tablet ballots stay; the other {toCount} deputies vote on paper, which tellers enter in batches, each batch twice. The time limit stops. Go ahead?',
  'paper.start.whole':
    '“{title}” goes to paper: no tablet ballot is in yet, so all {toCount} ballots are counted from paper, entered by tellers in batches, each batch twice. The time limit stops. Go ahead?',
  'paper.openOnPaper': 'Vote on paper (the tablets do not show this vote)',
  'paper.scope.whole': 'All ballots counted from paper',
  'paper.scope.rest': '{tablet} tablet ballots kept; the rest counted from paper',
  'paper.figures':
    '{toCount} to count on paper · {merged} counted ({spoiled} spoiled) · {pending} awaiting agreement · room for {left}',
  'paper.tallies': 'Issued and returned',
  'paper.issued': 'Issued',
  'paper.returned': 'Returned',
  'paper.returnedLater': 'fill in once the box is emptied and counted',
  'paper.talliesSave': 'Record',
  'paper.talliesNote':
    'Returned may not exceed issued; issued may not exceed the deputies to count on paper',
  'paper.batches': 'Batches',
  'paper.batch': 'Batch {no}',
  'paper.batchSize': '{size} papers',
  'paper.state.entering': 'entering',
  'paper.state.mismatch': 'entries differ',
  'paper.state.merged': 'counted',
  'paper.entryProgress': 'Entry {slot}: {teller} {entered}/{size}',
  'paper.entryDone': ' (submitted)',
  'paper.entryMine': ' (this device)',
  'paper.resolvedBy': 'scrutineer {name} resolved {n}',
  'paper.noBatches': 'No batches yet. Tellers begin an entry below.',
  'paper.begin': 'Enter a batch',
  'paper.begin.batch': 'Batch number (as on its cover)',
  'paper.begin.size': 'Papers in the batch',
  'paper.begin.teller': 'Teller',
  'paper.begin.pick': 'Choose the teller',
  'paper.begin.go': 'Begin',
  'paper.begin.noTellers':
    'No teller is recorded: record the tellers under Before the meeting → Scrutineers first.',
  'paper.continue': 'Continue',
  'paper.move': 'Continue on this device',
  'paper.move.confirm':
    'Entry {slot} of batch {batch} ({teller}) continues on this device; the other device can no longer type into it. Only when that device failed. Go ahead?',
  'paper.entry.title': 'Batch {batch} · entry {slot} · teller {teller}',
  'paper.entry.place': 'Paper {place} of {size}',
  'paper.entry.unmarked': 'not marked',
  'paper.entry.spoiled': 'Spoiled (declared by the scrutineers)',
  'paper.entry.overVote':
    'Over-vote: this paper counts as invalid by the rules, and is entered as it is',
  'paper.entry.hint':
    'Enter each paper as written; each is kept on the host once saved. The two entries of a batch are by two tellers on two devices, each on their own.',
  'paper.entry.save': 'Save, next paper',
  'paper.entry.saveLast': 'Save this paper',
  'paper.entry.prev': 'Previous',
  'paper.entry.next': 'Next',
  'paper.entry.saved': '{entered}/{size} saved',
  'paper.entry.finish': 'Submit this entry',
  'paper.entry.finish.confirm':
    'Submit entry {slot} of batch {batch} ({size} papers)? It cannot change after; when both entries agree the batch is counted.',
  'paper.entry.close': 'Close',
  'paper.outcome.waiting': 'Submitted: waiting for the other entry',
  'paper.outcome.agreed': 'Both entries agree: the batch is counted into the box',
  'paper.outcome.mismatch': 'The entries differ: a scrutineer checks the papers',
  'paper.mismatch.title': 'Papers of batch {batch} the two entries differ on',
  'paper.mismatch.place': 'Paper {place}',
  'paper.mismatch.first': 'Entry 1 ({teller})',
  'paper.mismatch.second': 'Entry 2 ({teller})',
  'paper.mismatch.resolve': 'Resolved from the paper',
  'paper.mismatch.scrutineer': 'Scrutineer',
  'paper.mismatch.pickScrutineer': 'Choose the scrutineer',
  'paper.mismatch.save': 'Resolve and count',
  'paper.mismatch.save.confirm':
    '{name} resolves papers {places} of batch {batch} from the papers, and the batch’s {size} papers are counted into the box?',
  'paper.ballot.spoiled': 'spoiled',
  'paper.ballot.blank': 'blank',
  'paper.ballot.none': '—',
  'paper.byDelegation': 'Tablet turnout by delegation (paper ballots are anonymous and not here)',
  'paper.notOnTablet': 'Deputies without a tablet ballot, voting on paper ({n})',
  'paper.seats.voted': 'voted on tablet',
  'paper.seats.notVoted': 'on paper',
  'paper.seats.voteMode':
    '“{title}” is counted from paper: a heavy orange outline is a seat with no tablet ballot, to be handed a paper ballot; pale blue voted on tablet (paper ballots are anonymous: who cast one is not shown).',
  'paper.report': '{counted} of them on paper',
}
