import { Alert, AppShell, Badge, Button, Container, Group, Stack, Text, Title } from '@mantine/core'
import { useI18n } from '../common/i18n'
import { LanguageSwitch } from '../common/LanguageSwitch'
import { AgendaPanel } from './components/AgendaPanel'
import { AuditPanel } from './components/AuditPanel'
import { AttendancePanel } from './components/AttendancePanel'
import { ScreenControl } from './screen/ScreenControl'
import { useConsole } from './use-console'

export function App() {
  const { t, errorText } = useI18n()
  const { loadAudit, token, state, connected, refused, error, clearError, send } = useConsole()

  return (
    <AppShell header={{ height: 64 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group>
            <Title order={3}>{t('app.name')}</Title>
            <Text c="dimmed">{t('console.title')}</Text>
            {state?.meeting && <Text fw={600}>{state.meeting.title}</Text>}
          </Group>
          <Group>
            <Badge color={connected ? 'green' : 'gray'} size="lg" data-testid="connection">
              {connected ? t('conn.online') : t('conn.offline')}
            </Badge>
            <Button component="a" href="/screen/" target="_blank" variant="default">
              {t('console.screen')}
            </Button>
            <LanguageSwitch />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <Container size="lg">
          <Stack>
            {refused && <Alert color="red">{t('error.unauthorized')}</Alert>}
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
            {state?.meeting && (
              <>
                <Group justify="space-between">
                  <AttendancePanel
                    attendance={state.attendance}
                    tabletsOnline={state.tabletsOnline}
                  />
                  <Stack gap="xs">
                    <Button
                      component="a"
                      variant="default"
                      href={`/api/credentials.csv?token=${encodeURIComponent(token)}`}
                      download="credentials.csv"
                    >
                      {t('console.credentials')}
                    </Button>
                    {/* Never replaces anything: a meeting with data gets a new one beside it. */}
                    <Button variant="subtle" onClick={() => void send('meeting:load-demo', {})}>
                      {t('console.loadDemo')}
                    </Button>
                  </Stack>
                </Group>
                <AgendaPanel state={state} send={send} token={token} />
                <ScreenControl state={state} send={send} />
                <AuditPanel load={loadAudit} />
              </>
            )}
          </Stack>
        </Container>
      </AppShell.Main>
    </AppShell>
  )
}
