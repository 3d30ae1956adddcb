import { Button, Code, Group, Paper, ScrollArea, Table, Text, Title } from '@mantine/core'
import { useState } from 'react'
import type { AuditEntryView } from '../../../shared/protocol/views'
import { useI18n } from '../../common/i18n'

/** The hash-chained audit log, newest first, loaded on request. */
export function AuditPanel({ load }: { load: () => Promise<AuditEntryView[] | null> }) {
  const { t } = useI18n()
  const [entries, setEntries] = useState<AuditEntryView[] | null>(null)
  const refresh = () => {
    void load().then((list) => {
      if (list) setEntries(list)
    })
  }
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('console.audit')}</Title>
        <Button variant="default" onClick={refresh} data-testid="audit-refresh">
          {t('console.audit.refresh')}
        </Button>
      </Group>
      {entries && entries.length === 0 && <Text c="dimmed">{t('console.audit.empty')}</Text>}
      {entries && entries.length > 0 && (
        <ScrollArea h={320}>
          <Table striped fz="sm" data-testid="audit-table">
            <Table.Tbody>
              {entries.map((e) => (
                <Table.Tr key={e.seq}>
                  <Table.Td>{e.seq}</Table.Td>
                  <Table.Td>{new Date(e.at).toLocaleString()}</Table.Td>
                  <Table.Td>
                    <Code>{e.type}</Code>
                  </Table.Td>
                  <Table.Td style={{ wordBreak: 'break-all' }}>{JSON.stringify(e.data)}</Table.Td>
                  <Table.Td>
                    <Code title={e.hash}>{e.hash.slice(0, 10)}</Code>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
    </Paper>
  )
}
