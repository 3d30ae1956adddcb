import { join } from 'node:path'
import type { BrowserContext } from '@playwright/test'
import { artifactsDir, expect, test } from './host-fixture'
import { console_, joinUrls, tablet } from './live-helpers'

/**
 * The console's 平板在线 follows tablets as they come and go, when nothing else in the hall
 * changes (issue 31, item 5); a tablet whose device says it is online again tries at once.
 */
test('平板在线 counts tablets leaving; a tablet back online reconnects at once', async ({
  browser,
  page,
  host,
  base,
  pageProblems,
}) => {
  // A tablet cut off logs its failed reconnects (the browser's own network errors).
  pageProblems.allow(/WebSocket|ERR_INTERNET_DISCONNECTED|net::/)
  await host.meetings.loadDemo(6)
  await console_(page, host)
  const tablets: BrowserContext[] = []
  for (const url of joinUrls(host, base).slice(0, 4)) {
    const t = await tablet(browser, url)
    await expect(t.page.getByTestId('tablet-message')).toHaveText('请等待表决开始')
    tablets.push(t.context)
  }
  await expect(page.getByTestId('live-tablets')).toHaveText('4')
  await expect(page.getByTestId('live-present')).toHaveText('4')

  // Two leave: the count follows, though nothing else changes (they stay checked in).
  for (const t of tablets.splice(2)) await t.close()
  await expect(page.getByTestId('live-tablets')).toHaveText('2')
  await expect(page.getByTestId('live-present')).toHaveText('4')
  await page
    .getByTestId('live-section')
    .screenshot({ path: join(artifactsDir, 'tablets-online-console-1366.png') })

  // A device loses its network (the browser drops its connection): the tablet says so and the
  // console counts one tablet; back online, the tablet reconnects and is counted again.
  const [first] = tablets as [BrowserContext]
  const [tabletPage] = first.pages()
  if (!tabletPage) throw new Error('the tablet has its page')
  await first.setOffline(true)
  await expect(tabletPage.getByTestId('connection')).toContainText('连接中断')
  await expect(page.getByTestId('live-tablets')).toHaveText('1')
  await first.setOffline(false)
  await expect(tabletPage.getByTestId('connection')).toContainText('已连接')
  await expect(page.getByTestId('live-tablets')).toHaveText('2')
  await tabletPage.screenshot({ path: join(artifactsDir, 'tablets-online-tablet-768x1024.png') })
})
