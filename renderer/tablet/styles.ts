/**
 * Mantine's styles for the components the tablet uses, not its whole stylesheet (199 KB, sent
 * to every tablet in the hall at 报到: issue 31). The first three are Mantine's base; then the
 * components others are built on, in Mantine's documented order; then the rest. A Mantine
 * component newly used on the tablet needs its file here, or it is drawn unstyled (the tablet
 * e2e screenshots show it).
 */
import '@mantine/core/styles/baseline.css'
import '@mantine/core/styles/default-css-variables.css'
import '@mantine/core/styles/global.css'
import '@mantine/core/styles/UnstyledButton.css'
import '@mantine/core/styles/VisuallyHidden.css'
import '@mantine/core/styles/Paper.css'
import '@mantine/core/styles/Group.css'
import '@mantine/core/styles/Loader.css'
import '@mantine/core/styles/Alert.css'
import '@mantine/core/styles/Button.css'
import '@mantine/core/styles/Center.css'
import '@mantine/core/styles/List.css'
import '@mantine/core/styles/SimpleGrid.css'
import '@mantine/core/styles/Stack.css'
import '@mantine/core/styles/Text.css'
import '@mantine/core/styles/Title.css'
