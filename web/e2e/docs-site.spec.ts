/** The documentation site at /docs of a real server (site/ of this checkout, built by
 * `./dev.sh serve` or `mkdocs build`): its pages run under the server's Content-Security-
 * Policy without a blocked script or style, links between pages work, and search answers. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, REPO_DIR, test } from './harness';

test.skip(!existsSync(join(REPO_DIR, 'site/index.html')), 'site/ is not built: run mkdocs build (./dev.sh serve builds it)');

test('the docs open at /docs, follow a link and search, with nothing blocked', async ({ page }) => {
	const problems: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error') problems.push(message.text());
	});
	page.on('pageerror', (error) => problems.push(error.message));

	await page.goto('/docs');
	await expect(page).toHaveURL(/\/docs\/$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Revenge' })).toBeVisible();

	await page.getByRole('navigation', { name: 'Navigation' }).getByRole('link', { name: 'API guide' }).click();
	await expect(page).toHaveURL(/\/docs\/api\.html$/);
	await expect(page.getByRole('heading', { level: 1, name: 'API guide' })).toBeVisible();

	await page.getByRole('textbox', { name: 'Search' }).fill('passkey');
	await expect(page.locator('.md-search-result__item').first()).toBeVisible();
	expect(problems).toEqual([]);
});
