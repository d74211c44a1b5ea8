import { waitLocale } from 'svelte-i18n';
import { session } from '$lib/auth/session.svelte';
import { setupI18n } from '$lib/i18n';
import type { LayoutLoad } from './$types';

// A single-page app: no server rendering, no prerendering (the server sends index.html).
export const ssr = false;
export const prerender = false;

setupI18n();
// Dark unless the person chose light (mode-watcher keeps the choice under this key).
if (!localStorage.getItem('mode-watcher-mode')) localStorage.setItem('mode-watcher-mode', 'dark');

export const load: LayoutLoad = async () => {
	await waitLocale();
	if (!session.known) await Promise.all([session.load(), session.loadInfo()]);
	return {};
};
