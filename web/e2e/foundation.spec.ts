import { expect, newUser, signInThroughForm, test } from './harness';

test('a deep link while signed out goes to login, then back to the deep link', async ({ page, admin }) => {
	await page.goto('/settings/account');
	await expect(page).toHaveURL(/\/login\?next=%2Fsettings%2Faccount/);
	await signInThroughForm(page, admin, '/settings/account');
	await expect(page).toHaveURL(/\/settings\/account$/);
});

test('a page reload keeps the session', async ({ signedIn: page }) => {
	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
});

test('no token is readable by JavaScript', async ({ signedIn: page }) => {
	const visible = await page.evaluate(() => ({ cookie: document.cookie, storage: JSON.stringify({ ...localStorage }) }));
	expect(visible.cookie).not.toMatch(/revenge_(access|refresh)/);
	expect(visible.storage).not.toMatch(/ey[A-Za-z0-9_-]{10,}\./); // no JWT anywhere
	expect(visible.cookie).toMatch(/revenge_csrf=/);
});

test('an unknown page shows the 404 page', async ({ signedIn: page }) => {
	await page.goto('/no/such/page');
	await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
});

test('dark by default; the light theme is one click away and stays chosen', async ({ page }) => {
	await page.goto('/login');
	await expect(page.locator('html')).toHaveClass(/dark/);
	await page.getByRole('button', { name: 'Switch to light theme' }).click();
	await expect(page.locator('html')).not.toHaveClass(/dark/);
	await page.reload();
	await expect(page.locator('html')).not.toHaveClass(/dark/);
	await expect(page.getByRole('button', { name: 'Switch to dark theme' })).toBeVisible();
});

test('a network failure says so and offers a retry that works', async ({ page, server, admin }) => {
	const user = await newUser(server, admin, 'offline');
	await signInThroughForm(page, user);
	await page.route('**/api/v1/users/me/sessions', (route) => route.abort('connectionrefused'));
	await page.getByRole('link', { name: 'Sessions' }).first().click();
	await expect(page.getByRole('alert')).toContainText('The server could not be reached', { timeout: 20_000 });
	await page.unroute('**/api/v1/users/me/sessions');
	await page.getByRole('button', { name: 'Try again' }).click();
	await expect(page.getByTestId('session-row')).toHaveCount(1);
});
