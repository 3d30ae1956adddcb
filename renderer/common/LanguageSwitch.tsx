import { Button } from '@mantine/core'
import { useI18n } from './i18n'

export function LanguageSwitch({ size = 'sm' }: { size?: string }) {
  const { t, toggle } = useI18n()
  return (
    <Button variant="subtle" size={size} onClick={toggle} aria-label="language">
      {t('lang.switch')}
    </Button>
  )
}
