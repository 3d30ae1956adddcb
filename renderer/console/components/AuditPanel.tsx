import { Button, Code, Group, Paper, ScrollArea, Switch, Table, Text, Title } from '@mantine/core'
import { useState } from 'react'
import type { Language } from '../../../shared/i18n'
import type { AuditEntryView } from '../../../shared/protocol/views'
import { useI18n } from '../../common/i18n'

/** When an entry happened: the time of day for today, the date too for earlier days. */
function when(at: string): string {
  const d = new Date(at)
  const time = d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hour12: false })
  return d.toDateString() === new Date().toDateString() ? time : `${d.toLocaleDateString()} ${time}`
}

/**
 * The hash-chained audit log, newest first, loaded on request: each entry a sentence the host
 * wrote ("14:02 会务人员开启表决《…》，发出 40 张"); its type, data and hash behind a switch.
 */
export function AuditPanel({
  load,
}: {
  load: (lang: Language) => Promise<AuditEntryView[] | null>
}) {
  const { t, lang } = useI18n()
  const [entries, setEntries] = useState<AuditEntryView[] | null>(null)
  const [raw, setRaw] = useState(false)
  const refresh = () => {
    void load(lang).then((list) => {
      if (list) setEntries(list)
    })
  }
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('console.audit')}</Title>
        <Group>
          <Switch
            label={t('console.audit.raw')}
            checked={raw}
            onChange={(e) => setRaw(e.currentTarget.checked)}
            data-testid="audit-raw"
          />
          <Button variant="default" onClick={refresh} data-testid="audit-refresh">
            {t('console.audit.refresh')}
          </Button>
        </Group>
      </Group>
      {entries && entries.length === 0 && <Text c="dimmed">{t('console.audit.empty')}</Text>}
      {entries && entries.length > 0 && (
        <>
          <Text size="sm" c="dimmed" mb="xs">
            {t('console.audit.hint')}
          </Text>
          <ScrollArea h={320} viewportProps={{ tabIndex: 0, 'aria-label': t('console.audit') }}>
            <Table striped fz="sm" data-testid="audit-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={90}>{t('console.audit.time')}</Table.Th>
                  <Table.Th>{t('console.audit.event')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.map((e) => (
                  <Table.Tr key={e.seq}>
                    <Table.Td style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>
                      <time dateTime={e.at} title={new Date(e.at).toLocaleString()}>
                        {when(e.at)}
                      </time>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" data-testid="audit-text">
                        {e.text}
                      </Text>
                      {raw && (
                        <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                          #{e.seq} <Code>{e.type}</Code> {JSON.stringify(e.data)}{' '}
                          <Code title={e.hash}>{e.hash.slice(0, 10)}</Code>
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        </>
      )}
    </Paper>
  )
}
