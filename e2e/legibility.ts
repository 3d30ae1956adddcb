import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect } from './host-fixture'

/** What the legibility checks measure on a page: axe's findings, and every text's size. */

/** Font sizes (px) of visible text in the page, smallest first, with the text. */
export async function textSizes(
  page: Page,
  root = 'body',
): Promise<{ px: number; text: string }[]> {
  return page.evaluate((selector) => {
    const out: { px: number; text: string }[] = []
    const walker = document.createTreeWalker(
      document.querySelector(selector) ?? document.body,
      NodeFilter.SHOW_TEXT,
    )
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim() ?? ''
      const el = n.parentElement
      if (!text || !el) continue
      const rect = el.getBoundingClientRect()
      const style = getComputedStyle(el)
      if (rect.width === 0 || style.visibility === 'hidden' || style.opacity === '0') continue
      if (el.closest('[aria-hidden="true"]')) continue
      out.push({ px: parseFloat(style.fontSize), text: text.slice(0, 30) })
    }
    return out.sort((a, b) => a.px - b.px)
  }, root)
}

/** axe's critical and serious findings, one line each with where. */
async function axeProblems(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  return results.violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.nodes
          .slice(0, 4)
          .map((n) => `${n.target.join(' ')} (${n.failureSummary?.split('\n')[1]?.trim() ?? ''})`)
          .join('; ')}`,
    )
}

export async function expectAxeClean(page: Page, where: string): Promise<void> {
  expect.soft(await axeProblems(page), `axe on ${where}`).toEqual([])
}
