import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, newUser, signInThroughForm, test, VIEWPORTS } from './harness';

// Every page at a desktop and a phone width: one h1, no serious accessibility problem
// (axe), nothing wider than the screen, and a screenshot for reviewers.
const SIGNED_OUT = ['/login', '/register', '/forgot', '/reset?token=example', '/no/such/page'];
const SIGNED_IN = ['/', '/settings/account', '/settings/security', '/settings/sessions', '/settings/api-keys',
	'/movies', '/collections', '/watchlist', '/history', '/search?q=matrix', '/settings/playback', '/settings/language'];

function shotName(path: string): string {
	const name = path.split('?')[0]!.replace(/^\/|\/$/g, '').replace(/\//g, '-');
	return name === '' ? 'home' : name === 'no-such-page' ? 'not-found' : name;
}

async function checkPage(page: Page, shot: (name: string) => Promise<void>, path: string) {
	await page.goto(path);
	await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
	await expect(page.locator('[aria-busy="true"]')).toHaveCount(0); // skeletons gone
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(overflow, `${path} is wider than the screen`).toBeLessThanOrEqual(0);
	const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
	const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), path).toEqual([]);
	await shot(shotName(path));
}

for (const viewport of VIEWPORTS) {
	test.describe(`${viewport.width}×${viewport.height}`, () => {
		test.use({ viewport });
		test.setTimeout(240_000); // five pages, each analysed by axe

		test('signed-out pages', async ({ page, admin, shot }) => {
			void admin; // set-up is done, so /login is the way in
			for (const path of SIGNED_OUT) await checkPage(page, shot, path);
		});

		test('signed-in pages', async ({ page, server, admin, shot }) => {
			const user = await newUser(server, admin, `pages${viewport.width}`);
			await signInThroughForm(page, user);
			for (const path of SIGNED_IN) await checkPage(page, shot, path);
			if (viewport.width < 768) {
				await page.getByRole('button', { name: 'Open menu' }).click();
				await expect(page.getByRole('dialog').getByRole('link', { name: 'Security' })).toBeVisible();
				await shot('menu');
				await page.getByRole('dialog').getByRole('link', { name: 'Security' }).click();
				await expect(page).toHaveURL(/\/settings\/security$/);
				await expect(page.getByRole('dialog')).toHaveCount(0);
			}
		});
	});
}

test('the whole sign-in works by keyboard alone', async ({ page, server, admin }) => {
	const user = await newUser(server, admin, 'keyboard');
	await page.goto('/login');
	await page.getByLabel('Username or e-mail').focus();
	await page.keyboard.type(user.username);
	await page.keyboard.press('Tab');
	await page.keyboard.type(user.password);
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
	await page.keyboard.press('Tab'); // the skip link comes first
	await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
});
