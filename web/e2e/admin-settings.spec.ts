/** Server settings (issue 17): registration is saved and kept,
 * configuration-only values are shown read-only, search's status is shown and "Rebuild
 * index" runs the reindex job to the end. */
import { call, checkPageBasics, expect, signIn, test, VIEWPORTS } from './harness';

// Its own server: opening registration is server-wide.
test.use({ serverEnv: { E2E_SERVER: 'admin-settings', REVENGE_WATCHED_THRESHOLD_PERCENT: '85', REVENGE_TRANSCODE_LIMIT: '3' } });

test('an administrator opens registration, sees the configured limits and rebuilds the search index', async ({ signedIn: page, server, admin, shot }) => {
	await page.getByRole('link', { name: 'Server settings' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Server settings');

	const configured = page.getByTestId('configured-settings');
	await expect(configured).toContainText('85%');
	await expect(configured).toContainText('REVENGE_TRANSCODE_LIMIT');
	await expect(configured).toContainText('None (software encoding)');
	await expect(configured.getByRole('textbox')).toHaveCount(0); // read-only

	// (The MFA requirement is left off: demanding it of admins would lock this one out.)
	await expect(page.getByRole('radio', { name: /^Off/ })).toBeChecked();
	await page.getByRole('checkbox', { name: /^Open registration/ }).check();
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByText('Server settings saved')).toBeVisible();
	const saved = await call(server, 'GET', '/api/v1/admin/settings', undefined, await signIn(server, admin));
	expect([saved.open_registration, saved.require_mfa]).toEqual([true, 'off']);
	await page.reload();
	await expect(page.getByRole('checkbox', { name: /^Open registration/ })).toBeChecked();

	// This server is new: its worker builds the first index once the embedded Typesense
	// answers (slow on a loaded box), and the page sees it at its next check (10 s, and
	// the server's own check is as old at most).
	await expect(page.getByTestId('search-status')).toContainText('Working', { timeout: 60_000 });
	await page.getByRole('button', { name: 'Rebuild index' }).click();
	await expect(page.getByTestId('job-progress')).toHaveAttribute('data-status', 'succeeded', { timeout: 60_000 });
	await shot('admin-settings');

	// Registration is open for real: the sign-in page offers it.
	expect((await call(server, 'GET', '/api/v1/system/info')).registration_open).toBe(true);
});

for (const viewport of VIEWPORTS) {
	test(`the admin console's settings pages at ${viewport.width}×${viewport.height}: one h1, no overflow, no serious axe finding`, async ({ signedIn: page, shot }) => {
		test.setTimeout(120_000);
		await page.setViewportSize(viewport);
		for (const path of ['/admin/settings', '/admin/radarr', '/getting-started', '/getting-started?step=radarr']) {
			await checkPageBasics(page, path);
			await shot(`a11y${path.replace(/[/?=]/g, '-')}`);
		}
	});
}
