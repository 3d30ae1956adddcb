import { Button, Group, Modal, Paper, Stack, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useI18n } from '../../common/i18n'
import { staffHref } from '../staff-api'

/**
 * 代表证与凭证: every card as a PDF (A4, 8 per page, QR of each join URL), the credential list
 * as CSV for an outside printer, and the join sheet with the hall Wi-Fi.
 */
export function CredentialsPanel({
  token,
  count,
  onReissueAll,
}: {
  token: string
  count: number
  /** Reissues every card (asks first); null while it cannot (a vote is open). */
  onReissueAll: (() => void) | null
}) {
  const { t } = useI18n()
  const [sheet, setSheet] = useState(false)
  const none = count === 0
  return (
    <Paper withBorder p="md">
      <Group justify="space-between">
        <Group>
          <Text fw={700}>{t('prep.credentials')}</Text>
          <Button
            component="a"
            href={staffHref('/api/credentials.pdf', token)}
            download
            data-disabled={none || undefined}
            onClick={(e) => none && e.preventDefault()}
            data-testid="cards-pdf"
          >
            {t('prep.cards.all', { n: count })}
          </Button>
          <Button
            component="a"
            variant="default"
            href={staffHref('/api/credentials.csv', token)}
            download
            data-disabled={none || undefined}
            onClick={(e) => none && e.preventDefault()}
            data-testid="credentials-csv"
          >
            {t('prep.credentials.csv')}
          </Button>
          <Button variant="default" onClick={() => setSheet(true)}>
            {t('prep.joinSheet')}
          </Button>
          <Button
            variant="outline"
            color="red"
            disabled={none || onReissueAll === null}
            onClick={() => onReissueAll?.()}
            data-testid="reissue-all"
          >
            {t('prep.reissueAll.button')}
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          {t('prep.credentials.hint')}
        </Text>
      </Group>
      {sheet && <JoinSheetDialog token={token} onClose={() => setSheet(false)} />}
    </Paper>
  )
}

/** The sheet on the hall's doors and tables: Wi-Fi name, password, and the host's address. */
function JoinSheetDialog({ token, onClose }: { token: string; onClose: () => void }) {
  const { t } = useI18n()
  const [wifi, setWifi] = useState('')
  const [password, setPassword] = useState('')
  const ready = wifi.trim() !== ''
  return (
    <Modal opened onClose={onClose} title={t('prep.joinSheet')} centered>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('prep.joinSheet.hint')}
        </Text>
        <TextInput
          label={t('prep.joinSheet.wifi')}
          value={wifi}
          onChange={(e) => setWifi(e.currentTarget.value)}
          maxLength={64}
          required
          data-autofocus
        />
        <TextInput
          label={t('prep.joinSheet.password')}
          description={t('prep.joinSheet.passwordHint')}
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          maxLength={64}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            component="a"
            href={staffHref('/api/join-sheet.pdf', token, { wifi: wifi.trim(), password })}
            download
            data-disabled={!ready || undefined}
            onClick={(e) => !ready && e.preventDefault()}
            data-testid="join-sheet"
          >
            {t('prep.joinSheet.download')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
