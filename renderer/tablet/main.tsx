import './styles'
import { MantineProvider } from '@mantine/core'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { TabletI18nProvider } from './i18n'
import { cssVariablesResolver, theme } from '../common/theme'
import { App } from './App'

const root = document.getElementById('root')
if (!root) throw new Error('#root missing')
createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <TabletI18nProvider>
        <App />
      </TabletI18nProvider>
    </MantineProvider>
  </StrictMode>,
)
