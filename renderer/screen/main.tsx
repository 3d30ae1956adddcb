// First: zod must be jitless before any schema is made (see zod-jitless.ts).
import '../common/zod-jitless'
import '@mantine/core/styles.css'
import './screen.css'
import { MantineProvider } from '@mantine/core'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { I18nProvider } from '../common/i18n'
import { cssVariablesResolver, theme } from '../common/theme'
import { App } from './App'
import { displayOptions } from './use-screen'

const root = document.getElementById('root')
if (!root) throw new Error('#root missing')
const options = displayOptions()
createRoot(root).render(
  <StrictMode>
    {/* The hall chooses the theme once per display (?theme=dark), not per stage. */}
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      forceColorScheme={options.theme}
    >
      <I18nProvider>
        <App motion={options.motion} />
      </I18nProvider>
    </MantineProvider>
  </StrictMode>,
)
