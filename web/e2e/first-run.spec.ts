import { expect, signOut, test } from './harness';

// A server of its own (another worker), and no `admin` fixture: no account at all.
test.use({ serverEnv: { E2E_SERVER: 'first-run' } });

test('first run: the administrator is created, signs out and signs in again', async ({ page, shot }) => {
	await page.goto('/');
	await expect(page).toHaveURL(/\/setup$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to Revenge');
	await shot('setup');

	await page.getByLabel('Username').fill('root');
	await page.getByLabel('E-mail').fill('root@example.com');
	await page.getByLabel('Display name (optional)').fill('Grace');
	await page.getByLabel('Password', { exact: true }).fill('a very long admin passphrase');
	await page.getByLabel('Repeat the password').fill('a very long admin passphrase');
	await page.getByRole('button', { name: 'Create administrator' }).click();
	// The wizard: TMDb's status (no key on this server), Radarr (optional, skipped), then the
	// first library (admin-libraries.spec.ts adds one; skipped here).
	await expect(page.getByRole('heading', { level: 1, name: 'Getting started' })).toBeVisible();
	await expect(page.getByText('Step 1 of 3')).toBeVisible();
	await expect(page.getByTestId('tmdb-step')).toContainText('No TMDb key is configured');
	await shot('setup-tmdb');
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(page.getByText('Step 2 of 3')).toBeVisible();
	await expect(page.getByLabel('Radarr URL')).toBeVisible();
	await page.getByRole('button', { name: 'Next: add a library' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Add your first library' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Add and scan' })).toBeVisible();
	await page.getByRole('link', { name: 'Skip for now' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
	await expect(page.getByText('Welcome, Grace.')).toBeVisible();

	await signOut(page);
	await page.goto('/setup');
	await expect(page).toHaveURL(/\/$|\/login/); // set-up is over
	await page.goto('/login');
	await page.getByLabel('Username or e-mail').fill('root@example.com');
	await page.getByLabel('Password', { exact: true }).fill('a very long admin passphrase');
	await page.getByRole('button', { name: 'Sign in', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
});
