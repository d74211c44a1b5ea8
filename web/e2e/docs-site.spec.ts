/** The documentation site at /docs of a real server: built from docs/ by mkdocs (as
 * `./dev.sh serve` does) into a folder of its own, served through REVENGE_DOCS_DIR. Its
 * pages run under the server's Content-Security-Policy without a blocked script or
 * style, links between pages work, and search answers. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, REPO_DIR } from './harness';

const test = base.extend<object, { site: string }>({
	site: [
		async ({}, use) => {
			const dir = mkdtempSync(join(tmpdir(), 'revenge-docs-site-'));
			execFileSync(join(REPO_DIR, '.venv/bin/mkdocs'), ['build', '--quiet', '--site-dir', dir], {
				cwd: REPO_DIR,
				env: { ...process.env, NO_MKDOCS_2_WARNING: '1' },
				timeout: 120_000
			});
			await use(dir);
			rmSync(dir, { recursive: true, force: true });
		},
		{ scope: 'worker' }
	],
	serverEnv: [async ({ site }, use) => use({ REVENGE_DOCS_DIR: site }), { scope: 'worker' }]
});

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

	// The search index loads in a worker; a query typed before it is ready stays
	// unanswered ("Type to start searching"), so type again until results show.
	const search = page.getByRole('textbox', { name: 'Search' });
	await expect(async () => {
		await search.fill('');
		await search.pressSequentially('passkey');
		await expect(page.locator('.md-search-result__item').first()).toBeVisible({ timeout: 2_000 });
	}).toPass({ timeout: 30_000 });
	expect(problems).toEqual([]);
});
