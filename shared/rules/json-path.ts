/** One problem with malformed input, located by a path into the JSON. */
export interface Problem {
  path: readonly (string | number | symbol)[]
  message: string
}

const identifier = /^[A-Za-z_$][\w$]*$/

/**
 * `ballots[3].marks.P99`: dots for plain keys, brackets for indexes and for keys that would be
 * ambiguous after a dot (e.g. ids with spaces or dashes), so every path can be pasted into jq-ish
 * tools and read back.
 */
export function formatPath(path: readonly (string | number | symbol)[]): string {
  let out = ''
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`
    else if (typeof key === 'string' && identifier.test(key)) out += out === '' ? key : `.${key}`
    else out += `[${JSON.stringify(String(key))}]`
  }
  return out === '' ? '(root)' : out
}

export function formatProblem(p: Problem): string {
  return `${formatPath(p.path)}: ${p.message}`
}
