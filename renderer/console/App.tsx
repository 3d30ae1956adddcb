import {
  Alert,
  AppShell,
  Badge,
  Button,
  Container,
  Group,
  NavLink,
  Stack,
  Text,
  Title,
} from '@mantine/core'
import { useState } from 'react'
import { useI18n } from '../common/i18n'
import { LanguageSwitch } from '../common/LanguageSwitch'
import { RehearsalBanner } from '../common/RehearsalBanner'
import { sections } from './sections'
import { useConsole } from './use-console'
import type { ConsoleApi } from './use-console'

const sectionKey = 'plenary.console.section'

const navGroups = {
  prepare: 'prep.nav.group.prepare',
  hall: 'prep.nav.group.hall',
  year: 'year.nav.group',
} as const

function initialSection(): string {
  try {
    const saved = sessionStorage.getItem(sectionKey)
    if (saved && sections.some((s) => s.id === saved)) return saved
  } catch {
    // Storage off: start at the first section.
  }
  return sections[0]?.id ?? 'meetings'
}

/** The staff console: a header, the sections in a navbar, the chosen section. */
export function App() {
  const { t, errorText } = useI18n()
  const api = useConsole()
  const { state, connected, refused, error, clearError } = api
  const [active, setActive] = useState(initialSection)
  const section = sections.find((s) => s.id === active) ?? sections[0]

  const choose = (id: string) => {
    setActive(id)
    clearError()
    try {
      sessionStorage.setItem(sectionKey, id)
    } catch {
      // Remembering the section is a convenience only.
    }
  }

  return (
    <AppShell header={{ height: 64 }} navbar={{ width: 220, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group wrap="nowrap">
            <Title order={3}>{t('app.name')}</Title>
            <Text c="dimmed">{t('console.title')}</Text>
            {state?.meeting && (
              <Text fw={600} truncate maw={420} data-testid="header-meeting">
                {state.meeting.title}
              </Text>
            )}
          </Group>
          <Group wrap="nowrap">
            <Badge
              color={connected ? 'green' : refused ? 'red' : 'gray'}
              size="lg"
              data-testid="connection"
            >
              {connected
                ? t('conn.online')
                : refused
                  ? t('console.refused.badge')
                  : t('conn.offline')}
            </Badge>
            <Button component="a" href="/screen/" target="_blank" variant="default">
              {t('console.screen')}
            </Button>
            <LanguageSwitch />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('prep.nav.label')}>
        {(['prepare', 'hall', 'year'] as const).map((group) => (
          <Stack key={group} gap={2} mb="md">
            <Text size="xs" c="dimmed" fw={700} px="sm" pt="xs">
              {t(navGroups[group])}
            </Text>
            {sections
              .filter((s) => s.group === group)
              .map((s) => (
                <NavLink
                  key={s.id}
                  component="button"
                  label={t(s.label)}
                  description={t(s.hint)}
                  active={s.id === section?.id}
                  onClick={() => choose(s.id)}
                  data-testid={`nav-${s.id}`}
                  aria-current={s.id === section?.id ? 'page' : undefined}
                  styles={{
                    label: { fontSize: 'var(--mantine-font-size-md)', fontWeight: 600 },
                    // Mantine's red hint on the active item's tint is 4.4:1.
                    description: { color: 'var(--mantine-color-dimmed)' },
                  }}
                />
              ))}
          </Stack>
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <Container size="xl">
          <Stack>
            {state?.meeting?.rehearsal && <RehearsalBanner text={t('hall.rehearsal.banner')} />}
            <CutOff api={api} />
            {state?.alerts.map((alert, i) => (
              <Alert
                key={i}
                color={alert.level === 'error' ? 'red' : 'orange'}
                title={t(`console.alert.${alert.code}`)}
                data-testid="staff-alert"
              >
                {alert.detail}
              </Alert>
            ))}
            {error && (
              <Alert color="red" withCloseButton onClose={clearError} role="alert">
                {errorText(error)}
              </Alert>
            )}
            {state && (
              // Cut off from the host, the last state stays readable but nothing looks live.
              <fieldset
                disabled={!connected}
                style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}
              >
                {section?.render(api)}
              </fieldset>
            )}
          </Stack>
        </Container>
      </AppShell.Main>
    </AppShell>
  )
}

/** A console the host no longer answers says so, and what to do: never live-looking buttons. */
function CutOff({ api }: { api: ConsoleApi }) {
  const { t } = useI18n()
  if (api.refused)
    return (
      <Alert
        color="red"
        variant="filled"
        role="alert"
        title={t('console.refused.title')}
        data-testid="console-refused"
      >
        <Stack gap="sm" align="flex-start">
          <Text size="md">{t('console.refused.body')}</Text>
          <Button color="red" variant="white" onClick={api.reconnect}>
            {t('console.refused.retry')}
          </Button>
        </Stack>
      </Alert>
    )
  if (!api.connected && api.state)
    return (
      <Alert
        color="yellow"
        role="status"
        title={t('console.offline.title')}
        data-testid="console-offline"
      >
        {t('console.offline.body')}
      </Alert>
    )
  return null
}
