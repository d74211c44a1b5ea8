/** The Radarr page (issue 17) against the project's fake Radarr in its own process: the
 * connection is saved with a write-only key, Test reports success and a wrong key shows
 * Radarr's refusal, "Sync now" imports Radarr's movies (seen on /movies), and a TMDb id
 * changed in Radarr shows up as a conflict with its resolutions; the webhook URL and key
 * the page gives work for Radarr's deliveries. */
import { expect, FAKE_RADARR_API_KEY, startFakeRadarr, test, type FakeRadarr } from './harness';

// Its own server: the Radarr connection is server-wide.
test.use({ serverEnv: { E2E_SERVER: 'radarr' } });

let radarr: FakeRadarr;
test.beforeAll(async () => {
	radarr = await startFakeRadarr(3);
});
test.afterAll(async () => {
	await radarr?.stop();
});

test('Radarr: saved, tested, refused with a wrong key, synced into /movies, a changed TMDb id opens a conflict', async ({ signedIn: page, shot }) => {
	test.setTimeout(150_000);
	await page.getByRole('link', { name: 'Radarr' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Radarr' })).toBeVisible();
	await expect(page.getByText('Not set up yet')).toBeVisible();

	await page.getByLabel('Radarr URL').fill(radarr.url);
	const key = page.getByLabel('API key', { exact: true });
	const result = page.getByTestId('connection-result');

	// A wrong key: Radarr's own refusal, before anything is saved.
	await key.fill('not-the-key-0000000000000000000000');
	await page.getByRole('button', { name: 'Test connection' }).click();
	await expect(result).toContainText('Radarr refused the request');
	await expect(result).not.toContainText('not-the-key'); // the key is never repeated

	await key.fill(FAKE_RADARR_API_KEY);
	await page.getByRole('button', { name: 'Test connection' }).click();
	await expect(result).toContainText('Connected to Radarr 5.14.0.9383');

	// A mapping, and its live preview of one of Radarr's paths.
	await page.getByRole('button', { name: 'Add a mapping' }).click();
	await page.getByLabel("Radarr's folder 1").fill('/movies');
	await page.getByLabel("This server's folder 1").fill('/srv/revenge-e2e-radarr');
	await page.getByLabel('Try a path as Radarr shows it').fill('/movies/Movie 1 (1951)/Movie 1.mkv');
	await expect(page.getByTestId('mapped-path')).toContainText('/srv/revenge-e2e-radarr/Movie 1 (1951)/Movie 1.mkv');
	await page.getByLabel('Try a path as Radarr shows it').fill('D:\\Films\\x.mkv');
	await expect(page.getByTestId('mapped-path')).toContainText('No mapping covers this path');
	await page.getByLabel('Sync every (minutes)').fill('60');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByText('Radarr settings saved')).toBeVisible();

	// Saved: after a reload the key field is empty and says a key is set.
	await page.reload();
	await expect(page.getByLabel('Radarr URL')).toHaveValue(radarr.url);
	await expect(page.getByTestId('api-key-set')).toHaveText('Set');
	await expect(page.getByLabel('API key', { exact: true })).toHaveValue('');
	await expect(page.getByLabel("This server's folder 1")).toHaveValue('/srv/revenge-e2e-radarr');
	await expect(page.getByTestId('quality-profiles')).toContainText('HD-1080p');
	await expect(page.getByTestId('root-folders')).toContainText('/movies');
	// The saved key is tried when the field is left empty.
	await page.getByRole('button', { name: 'Test connection' }).click();
	await expect(result).toContainText('Connected to Radarr');

	// Sync now: progress, then Radarr's movies in the catalogue.
	await page.getByRole('button', { name: 'Sync now' }).click();
	const progress = page.getByTestId('sync-progress');
	await expect(progress.getByRole('progressbar', { name: 'Sync progress' })).toBeVisible();
	await expect(progress).toHaveAttribute('data-status', 'succeeded', { timeout: 60_000 });
	await expect(page.getByTestId('sync-result')).toContainText('Movies added');
	await expect(page.getByTestId('linked-movies')).toHaveText('3');
	await shot('admin-radarr-synced');

	await page.getByRole('link', { name: 'Movies' }).click();
	for (const title of ['Movie 1', 'Movie 2', 'Movie 3']) await expect(page.getByText(title, { exact: true }).first()).toBeVisible();

	// Someone re-identifies Movie 2 in Radarr: a full sync finds the disagreement.
	await radarr.retag(2, 987_654);
	await page.getByRole('link', { name: 'Radarr' }).click();
	await expect(page.getByText('No open conflicts.')).toBeVisible();
	await page.getByRole('button', { name: 'Full sync' }).click();
	await expect(page.getByTestId('sync-progress')).toHaveAttribute('data-status', 'succeeded', { timeout: 60_000 });
	const conflict = page.getByTestId('conflict');
	await expect(conflict).toHaveCount(1);
	await expect(conflict).toHaveAttribute('data-kind', 'tmdb_mismatch');
	await expect(conflict).toContainText('Different TMDb id');
	await expect(conflict).toContainText('TMDb 987654');
	await expect(conflict).toContainText('Follow Radarr');
	await expect(conflict.getByRole('link', { name: 'Open the movie in Revenge' })).toBeVisible();

	// What to paste into Radarr: the webhook URL and a key limited to webhooks.
	await expect(page.getByTestId('webhook-url')).toHaveText(/\/api\/v1\/webhooks\/radarr$/);
	await page.getByRole('button', { name: 'Create a key for Radarr' }).click();
	await expect(page.getByTestId('webhook-key')).not.toBeEmpty();
	const webhookKey = await page.getByTestId('webhook-key').innerText();
	await expect(page.getByTestId('emby-key')).toHaveText(webhookKey);

	// Radarr delivers a "Grab" to the URL with that key (HTTP Basic, the key as password,
	// as the page says): the status shows the event and a download under way.
	const webhookUrl = await page.getByTestId('webhook-url').innerText();
	const delivered = await fetch(webhookUrl, {
		method: 'POST',
		headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`radarr:${webhookKey}`).toString('base64')}` },
		body: JSON.stringify(await radarr.grabPayload(3))
	});
	expect(delivered.status).toBe(202);
	await expect(page.getByTestId('radarr-events')).toContainText('Grab', { timeout: 20_000 });
	await expect(page.getByTestId('radarr-status')).toContainText(/Downloading\s*1/, { timeout: 20_000 });
	await shot('admin-radarr-conflict');
});
