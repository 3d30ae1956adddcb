import { describe, expect, it } from 'vitest'
import { GroupCommit } from './group-commit'

/** A run that finishes when the test says so, recording what state it saw at its start. */
function controlledRuns() {
  const started: number[] = []
  const finish: ((error?: Error) => void)[] = []
  let state = 0
  const run = () => {
    started.push(state)
    return new Promise<void>((resolve, reject) =>
      finish.push((error) => (error ? reject(error) : resolve())),
    )
  }
  return { run, started, finish, set: (n: number) => (state = n) }
}

const turn = () => new Promise((r) => setImmediate(r))

describe('GroupCommit', () => {
  it('one at a time: the calls made while a run is in flight share the next', async () => {
    const r = controlledRuns()
    const commit = new GroupCommit(r.run)
    const first = commit.request()
    await turn()
    r.set(1)
    const second = [commit.request(), commit.request(), commit.request()]
    await turn()
    expect(r.started).toEqual([0])
    r.finish[0]!()
    await first
    await turn()
    expect(r.started).toEqual([0, 1])
    r.finish[1]!()
    await Promise.all(second)
  })

  it('at depth 2, a second run starts while the first is in flight; a third waits', async () => {
    const r = controlledRuns()
    const commit = new GroupCommit(r.run, 2)
    const first = commit.request()
    await turn()
    r.set(1)
    const second = commit.request()
    await turn()
    r.set(2)
    const third = [commit.request(), commit.request()]
    await turn()
    expect(r.started).toEqual([0, 1])
    // The second lands first: its callers need not wait for the first.
    r.finish[1]!()
    await second
    await turn()
    expect(r.started).toEqual([0, 1, 2])
    r.finish[0]!()
    r.finish[2]!()
    await Promise.all([first, ...third])
  })

  it('with room and nothing queued, a run starts at once, in the call', async () => {
    const r = controlledRuns()
    const commit = new GroupCommit(r.run, 2)
    const first = commit.request()
    expect(r.started).toEqual([0])
    r.set(1)
    const second = commit.request()
    expect(r.started).toEqual([0, 1])
    // Full: the third is asked for behind them, and later calls share it.
    r.set(2)
    const third = [commit.request(), commit.request()]
    expect(r.started).toEqual([0, 1])
    r.finish[0]!()
    await first
    await turn()
    expect(r.started).toEqual([0, 1, 2])
    r.finish[1]!()
    r.finish[2]!()
    await Promise.all([second, ...third])
  })

  it('a failed run rejects its callers; the next run goes ahead', async () => {
    const r = controlledRuns()
    const commit = new GroupCommit(r.run, 2)
    const failing = commit.request()
    await turn()
    r.finish[0]!(new Error('disk full'))
    await expect(failing).rejects.toThrow('disk full')
    const next = commit.request()
    await turn()
    r.finish[1]!()
    await next
    expect(r.started).toHaveLength(2)
  })

  it('after() waits for every run asked for, and runs asked for later wait for it', async () => {
    const r = controlledRuns()
    const commit = new GroupCommit(r.run, 2)
    const runs = [commit.request()]
    await turn()
    runs.push(commit.request())
    await turn()
    const order: string[] = []
    let release = () => {}
    const task = commit.after(async () => {
      order.push('task')
      await new Promise<void>((resolve) => (release = resolve))
    })
    const later = commit.request()
    await turn()
    expect(order).toEqual([])
    r.finish[0]!()
    r.finish[1]!()
    await Promise.all(runs)
    await turn()
    expect(order).toEqual(['task'])
    expect(r.started).toHaveLength(2)
    release()
    await task
    await turn()
    expect(r.started).toHaveLength(3)
    r.finish[2]!()
    await later
  })
})
