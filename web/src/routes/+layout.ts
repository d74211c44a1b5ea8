import '$lib/theme-default';
import { waitLocale } from 'svelte-i18n';
import { session } from '$lib/auth/session.svelte';
import { setupI18n } from '$lib/i18n';
import type { LayoutLoad } from './$types';

// A single-page app: no server rendering, no prerendering (the server sends index.html).
export const ssr = false;
export const prerender = false;

setupI18n();

export const load: LayoutLoad = async () => {
	await waitLocale();
	if (!session.known) await Promise.all([session.load(), session.loadInfo()]);
	return {};
};
