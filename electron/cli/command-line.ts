import { parseArgs } from 'node:util'

/**
 * Every command's options, read the same way: `--help` prints what the command does and each
 * option, then exits 0; an option it does not know, or one without its value, is one line on
 * standard error and exit status 2 (never a stack trace).
 */

export interface OptionSpec {
  type: 'string' | 'boolean'
  /** `--name VALUE    what it does`, as `--help` prints it. */
  help: string
  /** The value's name in `--help` (string options). */
  value?: string
  /** May be given more than once: its values come as a list. */
  multiple?: boolean
}

type Values<O extends Record<string, OptionSpec>> = {
  [K in keyof O]?: O[K]['type'] extends 'boolean'
    ? boolean
    : O[K]['multiple'] extends true
      ? string[]
      : string
}

export function readCommandLine<O extends Record<string, OptionSpec>>(
  command: { usage: string; about: string; options: O; positionals?: boolean },
  argv: string[] = process.argv.slice(2),
): { values: Values<O>; positionals: string[] } {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(helpText(command))
    process.exit(0)
  }
  try {
    const options = Object.fromEntries(
      Object.entries(command.options).map(([name, spec]) => [
        name,
        { type: spec.type, multiple: spec.multiple ?? false },
      ]),
    )
    const { values, positionals } = parseArgs({
      args: argv,
      options,
      allowPositionals: command.positionals ?? false,
      strict: true,
    })
    return { values: values as Values<O>, positionals }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    console.error(`${message.split('\n')[0]} (see --help)`)
    process.exit(2)
  }
}

export function helpText(command: {
  usage: string
  about: string
  options: Record<string, OptionSpec>
}): string {
  const rows = Object.entries(command.options).map(([name, spec]) => [
    `--${name}${spec.type === 'string' ? ` ${spec.value ?? 'VALUE'}` : ''}`,
    spec.help,
  ])
  const width = Math.max(12, ...rows.map(([flag]) => flag!.length)) + 2
  return [
    `usage: ${command.usage}`,
    '',
    command.about,
    '',
    'options:',
    ...rows.map(([flag, help]) => `  ${flag!.padEnd(width)}${help}`),
    `  ${'--help'.padEnd(width)}this text`,
  ].join('\n')
}
