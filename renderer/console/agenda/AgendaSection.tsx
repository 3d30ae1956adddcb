import { Badge, Button, Group, Menu, Paper, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import type { ConsoleVoteView } from '../../../shared/protocol/views'
import type { VoteKind } from '../../../shared/protocol/vote-rules.schema'
import { ConfirmDialog } from '../../common/ConfirmDialog'
import { useI18n } from '../../common/i18n'
import type { ConsoleApi } from '../use-console'
import type { VoteDraft } from './presets'
import {
  blankMotion,
  defaultSeats,
  draftInput,
  presetDraft,
  presetKinds,
  presetTitleKey,
} from './presets'
import { RulesSummary } from './RulesSummary'
import { VoteEditor } from './VoteEditor'
import { statusColor } from '../vote-status'
import { staffHref } from '../staff-api'

type Editing =
  | { mode: 'new'; draft: VoteDraft }
  | { mode: 'edit'; vote: ConsoleVoteView }
  | { mode: 'view'; vote: ConsoleVoteView }

function draftOf(vote: ConsoleVoteView): VoteDraft {
  const isMotion = vote.rules.kind === 'motion'
  return {
    title: vote.title,
    rules: vote.rules,
    candidateIds: isMotion ? [] : vote.candidates.map((c) => c.id),
    // A motion made before motions had their own text starts from its one candidate's title.
    motion: vote.motion ?? blankMotion(isMotion ? (vote.candidates[0]?.title ?? '') : ''),
  }
}

/**
 * 表决议程: add a vote from a preset, edit its candidates and rules while it is a draft, remove
 * it; a vote that has opened is locked and only shown.
 */
export function AgendaSection({ api }: { api: ConsoleApi }) {
  const { t, errorText } = useI18n()
  const state = api.state
  const projects = state?.projects ?? []
  const votes = state?.votes ?? []
  const [editing, setEditing] = useState<Editing | null>(null)
  const [removing, setRemoving] = useState<ConsoleVoteView | null>(null)
  const year = new Date().getFullYear() + 1
  const n = projects.length
  const k = defaultSeats(n)

  const startNew = (kind: VoteKind) =>
    setEditing({
      mode: 'new',
      draft: presetDraft(
        kind,
        projects,
        t(presetTitleKey[kind], { year }),
        t('prep.preset.motionTitle', { year }),
      ),
    })

  /** One click for the usual case: a 差额 vote over every project. */
  const quickSelect = () => {
    const draft = presetDraft('select', projects, t('console.voteTitle.default', { year }))
    void api.send('vote:create', draftInput(draft))
  }

  const save = async (draft: VoteDraft): Promise<string | null> => {
    if (!editing) return null
    const result =
      editing.mode === 'new'
        ? await api.call('vote:create', draftInput(draft))
        : await api.call('vote:update', { voteId: editing.vote.id, ...draftInput(draft) })
    if (!result.ok) return errorText(result.error)
    setEditing(null)
    return null
  }

  if (editing) {
    const readOnly = editing.mode === 'view'
    return (
      <Stack>
        <Title order={3}>{t('prep.nav.agenda')}</Title>
        <VoteEditor
          key={editing.mode === 'new' ? 'new' : editing.vote.id}
          initial={editing.mode === 'new' ? editing.draft : draftOf(editing.vote)}
          projects={projects}
          attendance={state?.attendance}
          readOnly={readOnly}
          isNew={editing.mode === 'new'}
          onSave={save}
          onCancel={() => setEditing(null)}
        />
      </Stack>
    )
  }

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t('prep.nav.agenda')}</Title>
        <Group>
          <Button variant="default" onClick={quickSelect} disabled={n === 0}>
            {t('console.newSelect', { n, k })}
          </Button>
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button data-testid="vote-add">{t('prep.vote.add')}</Button>
            </Menu.Target>
            <Menu.Dropdown>
              {presetKinds.map((kind) => (
                // A motion is its own text: it needs no project.
                <Menu.Item
                  key={kind}
                  onClick={() => startNew(kind)}
                  disabled={n === 0 && kind !== 'motion'}
                  data-testid={`vote-add-${kind}`}
                >
                  <Text size="sm" fw={600}>
                    {t(`kind.${kind}`)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t(`prep.preset.hint.${kind}`)}
                  </Text>
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Group>
      {n === 0 && <Text c="dimmed">{t('prep.agenda.needProjects')}</Text>}
      {votes.length === 0 && <Text c="dimmed">{t('console.agenda.empty')}</Text>}
      {votes.map((vote, i) => (
        <Paper key={vote.id} withBorder p="md" data-testid={`agenda-${vote.id}`}>
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Stack gap={6}>
              <Group gap="xs">
                <Text c="dimmed">{i + 1}.</Text>
                <Text fw={700} size="lg">
                  {vote.title}
                </Text>
                <Badge variant="light">{t(`kind.${vote.rules.kind}`)}</Badge>
                <Badge color={statusColor[vote.status]} data-testid="agenda-vote-status">
                  {t(`status.${vote.status}`)}
                </Badge>
                {vote.status !== 'draft' && (
                  <Badge color="gray" variant="outline">
                    {t('prep.vote.locked')}
                  </Badge>
                )}
              </Group>
              <RulesSummary
                rules={vote.rules}
                candidates={vote.candidates.length}
                attendance={state?.attendance}
              />
              {vote.motion ? (
                <Text size="sm" c="dimmed" lineClamp={2} data-testid="agenda-motion">
                  {t('prep.vote.motionLine')}
                  {vote.motion.title}
                  {vote.motion.docNumber && `（${vote.motion.docNumber}）`}
                </Text>
              ) : (
                <Text size="sm" c="dimmed" lineClamp={2}>
                  {t('prep.vote.candidateList', { n: vote.candidates.length })}
                  {vote.candidates.map((c) => c.title).join('、')}
                </Text>
              )}
            </Stack>
            <Group gap="xs" wrap="nowrap">
              <Button
                component="a"
                variant="default"
                href={staffHref(`/api/paper-ballot/${vote.id}.pdf`, api.token)}
                download
                data-testid="paper-ballot"
              >
                {t('office.ballot.download')}
              </Button>
              {vote.status === 'draft' ? (
                <>
                  <Button variant="default" onClick={() => setEditing({ mode: 'edit', vote })}>
                    {t('prep.edit')}
                  </Button>
                  <Button variant="subtle" color="red" onClick={() => setRemoving(vote)}>
                    {t('prep.remove')}
                  </Button>
                </>
              ) : (
                <Button variant="default" onClick={() => setEditing({ mode: 'view', vote })}>
                  {t('prep.vote.viewButton')}
                </Button>
              )}
            </Group>
          </Group>
        </Paper>
      ))}
      <ConfirmDialog
        opened={removing !== null}
        title={t('prep.vote.remove')}
        onClose={() => setRemoving(null)}
        onConfirm={() => {
          if (removing) void api.send('vote:remove', { voteId: removing.id })
        }}
      >
        {t('prep.vote.removeConfirm', { title: removing?.title ?? '' })}
      </ConfirmDialog>
    </Stack>
  )
}
