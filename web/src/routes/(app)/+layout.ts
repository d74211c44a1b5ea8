import { redirect } from '@sveltejs/kit';
import { loginUrl, session } from '$lib/auth/session.svelte';
import type { LayoutLoad } from './$types';

// Every page in (app) needs a signed-in person: others go to /login and come back after.
export const load: LayoutLoad = async ({ parent, url }) => {
	await parent();
	if (session.info?.setup_required) redirect(307, '/setup');
	if (!session.signedIn) redirect(307, loginUrl(url.pathname + url.search));
	return {};
};
