import type { Page } from '@playwright/test'

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
