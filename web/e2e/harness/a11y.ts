/** One page's basic accessibility and layout, as pages.spec.ts checks every page: one h1,
 * no skeleton left, nothing wider than the screen, no serious axe finding. */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** `ready`: what must show before the checks (a state the page reaches after loading). */
export async function checkPageBasics(page: Page, path: string, ready?: (page: Page) => Promise<void>): Promise<void> {
	await page.goto(path);
	await ready?.(page);
	await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
	await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(overflow, `${path} is wider than the screen`).toBeLessThanOrEqual(0);
	const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
	const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), path).toEqual([]);
}
