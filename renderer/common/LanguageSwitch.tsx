import { Button } from '@mantine/core'
import { useBaseI18n as useI18n } from './i18n-provider'

/** The switch shows the other language's name; its accessible name starts with that text. */
export function LanguageSwitch({ size = 'sm' }: { size?: string }) {
  const { t, toggle } = useI18n()
  const text = t('lang.switch')
  return (
    <Button variant="subtle" size={size} onClick={toggle} aria-label={`${text} · 语言 / Language`}>
      {text}
    </Button>
  )
}
