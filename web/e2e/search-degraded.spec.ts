/** Search with Typesense unreachable (issue 15): PostgreSQL answers, the page says so
 * quietly. The server is pointed at a port where nothing listens. */
import { call, checkPageBasics, expect, freePort, signIn, test, VIEWPORTS } from './harness';

const deadPort = await freePort();
test.use({ serverEnv: { REVENGE_TYPESENSE_URL: `http://127.0.0.1:${deadPort}`, REVENGE_TYPESENSE_API_KEY: 'unused-key' } });

test('with Typesense stopped the search still answers and a quiet notice shows', async ({ signedIn: page, server, admin, shot }) => {
	const token = await signIn(server, admin);
	await call(server, 'POST', '/api/v1/movies', { title: 'The Matrix', year: 1999, genres: ['Science Fiction'] }, token);
	await call(server, 'POST', '/api/v1/movies', { title: 'Heat', year: 1995, genres: ['Crime'] }, token);

	const search = page.getByRole('combobox', { name: 'Search movies' });
	await search.fill('matrix');
	await expect(page.getByRole('option').first()).toContainText('The Matrix');
	await search.press('Enter');
	await expect(page).toHaveURL(/\/search\?q=matrix/);
	await expect(page.getByTestId('poster-card')).toHaveCount(1);
	await expect(page.getByTestId('poster-card')).toContainText('The Matrix');
	await expect(page.getByTestId('degraded-notice')).toBeVisible();
	await shot('search-degraded');
});

for (const viewport of VIEWPORTS) {
	test(`at ${viewport.width}×${viewport.height} the server settings say search is degraded, in a badge that reads at 4.5:1 (axe)`, async ({ signedIn: page, shot }) => {
		await page.setViewportSize(viewport);
		await checkPageBasics(page, '/admin/settings', async (settings) => {
			await expect(settings.getByTestId('search-status')).toContainText('Degraded');
		});
		await shot('admin-settings-search-degraded');
	});
}
