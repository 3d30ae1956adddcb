import { Alert, Button, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import type { FormEvent } from 'react'
import { formatJoinCode, JOIN_CODE_LENGTH, readJoinCode } from '../../../shared/protocol/join-code'
import { useI18n } from '../i18n'
import type { CodeError } from '../use-deputy'

/**
 * For a tablet that cannot scan the card: the join code typed into one large field, grouped
 * 4-4-4 as on the card while it is typed. A code that cannot be right (a 0, O, 1, I or L, or not
 * 12 characters) is said so here and never sent; a wrong one costs a login attempt at the host.
 */
export function JoinCodeForm({
  busy,
  error,
  onJoin,
}: {
  busy: boolean
  error: CodeError | null
  onJoin: (code: string) => void
}) {
  const { t } = useI18n()
  const [value, setValue] = useState('')
  const [tried, setTried] = useState(false)
  const read = readJoinCode(value)
  // Characters that are never in a code are named at once; a short code only when sent.
  const problem =
    !read.ok && read.problem === 'characters'
      ? t('tablet.join.badChars', { chars: read.characters.join('、') })
      : !read.ok && tried && read.problem === 'length'
        ? t('tablet.join.length', { n: read.length })
        : null
  const hostError =
    error === 'wrong'
      ? t('tablet.join.wrong')
      : error === 'rate-limited'
        ? t('tablet.join.rateLimited')
        : null

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setTried(true)
    if (read.ok && !busy) onJoin(read.code)
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={560} mx="auto" w="100%">
        {/* A plain input, not Mantine's: the page stays small for 3,000 tablets. */}
        <label htmlFor="join-code" style={{ fontSize: 24, fontWeight: 700 }}>
          {t('tablet.join.label')}
        </label>
        <Text fz="lg" mt={-12} c="dark.7" id="join-code-hint">
          {t('tablet.join.hint')}
        </Text>
        <input
          id="join-code"
          value={value}
          onChange={(e) => {
            setTried(false)
            const typed = e.currentTarget.value.normalize('NFKC').toUpperCase()
            const chars = typed.replace(/[^0-9A-Z]/g, '').slice(0, JOIN_CODE_LENGTH)
            setValue(formatJoinCode(chars))
          }}
          aria-describedby={problem ? 'join-code-problem' : 'join-code-hint'}
          aria-invalid={problem !== null}
          autoComplete="off"
          autoCapitalize="characters"
          autoCorrect="off"
          spellCheck={false}
          enterKeyHint="go"
          data-testid="join-code-input"
          style={{
            fontSize: 32,
            height: 72,
            width: '100%',
            boxSizing: 'border-box',
            letterSpacing: '0.08em',
            textAlign: 'center',
            fontVariantNumeric: 'tabular-nums',
            borderRadius: 'var(--mantine-radius-md)',
            border: `2px solid var(--mantine-color-${problem ? 'red-7' : 'gray-6'})`,
            fontFamily: 'inherit',
          }}
        />
        {problem && (
          <Text fz="lg" fw={600} c="red.9" mt={-8} id="join-code-problem" role="alert">
            {problem}
          </Text>
        )}
        {hostError && (
          <Alert color="red" variant="light" role="alert" data-testid="join-code-error">
            <Text fz="lg" c="red.9">
              {hostError}
            </Text>
          </Alert>
        )}
        <Button type="submit" size="xl" h={64} loading={busy} data-testid="join-code-submit">
          {t('tablet.join.submit')}
        </Button>
      </Stack>
    </form>
  )
}
