import { defineConfig } from '@playwright/test';

// Browser journeys against a real `revenge serve` (see e2e/harness): Debian's Chromium,
// never a downloaded browser. One worker: each worker starts its own server (~5 s).
export default defineConfig({
	testDir: 'e2e',
	testMatch: '**/*.spec.ts',
	outputDir: 'test-results/artifacts',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	timeout: 120_000, // a loaded 2-core CI box: journeys sign in several times
	expect: { timeout: 10_000 },
	reporter: [['list'], ['html', { outputFolder: 'test-results/report', open: 'never' }]],
	use: {
		browserName: 'chromium',
		headless: true,
		viewport: { width: 1280, height: 800 },
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--disable-dev-shm-usage'
			]
		}
	}
});
