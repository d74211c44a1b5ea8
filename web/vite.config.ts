import { sveltekit } from '@sveltejs/kit/vite';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'vitest/config';

// `npm run dev` proxies the API to a running `revenge serve` (REVENGE_DEV_API, default :8096).
const api = process.env.REVENGE_DEV_API ?? 'http://127.0.0.1:8096';

export default defineConfig({
	plugins: [tailwindcss(), sveltekit()],
	server: { proxy: { '/api': { target: api, changeOrigin: false } } },
	test: {
		include: ['src/**/*.test.ts'],
		environment: 'jsdom',
		setupFiles: ['src/test-setup.ts'],
		// Reported by `npm run test:unit` (web/scripts/test.sh): line and branch coverage of
		// the app's own code; the journeys (Playwright) cover the pages as a whole.
		coverage: {
			provider: 'v8',
			include: ['src/**/*.{ts,svelte}'],
			exclude: ['src/**/*.test.ts', 'src/test-setup.ts', 'src/lib/api/schema.d.ts'],
			reporter: ['text-summary']
		}
	},
	resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined
});
