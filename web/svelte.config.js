import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// A single-page app: every unknown path gets index.html (the Python server does
		// the same), so deep links work.
		adapter: adapter({ pages: 'build', assets: 'build', fallback: 'index.html', precompress: true, strict: true }),
		// Only SvelteKit's own bootstrap script is inline; the server hashes it into its CSP.
		output: { bundleStrategy: 'split' },
		version: { pollInterval: 0 },
		// One build for `/` and for any prefix chosen at run time (REVENGE_PUBLIC_URL's path):
		// chunks and CSS load relative to their own URL, and index.html takes its base from
		// a meta tag the server fills in (scripts/portable-index.mjs explains the rest).
		// Links in the app go through resolve()/base from $app/paths (README: Conventions).
		paths: { relative: true }
	}
};

export default config;
