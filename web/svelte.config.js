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
		version: { pollInterval: 0 }
	}
};

export default config;
