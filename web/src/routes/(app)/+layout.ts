import { appPathOf } from '$lib/paths';
import { resolve } from '$app/paths';
import { redirect } from '@sveltejs/kit';
import { api, unwrap } from '$lib/api/client';
import { loginUrl, session } from '$lib/auth/session.svelte';
import type { LayoutLoad } from './$types';

const SECURITY = '/settings/security' as const;

// Every page in (app) needs a signed-in person: others go to /login and come back after.
// A person the server requires a second factor from, who has none yet, holds no
// permissions until they enrol one: they are sent to the security page.
export const load: LayoutLoad = async ({ parent, url }) => {
	await parent();
	if (session.info?.setup_required) redirect(307, resolve('/setup'));
	if (!session.signedIn) redirect(307, loginUrl(appPathOf(url.pathname) + url.search));
	if (session.permissions.size === 0 && !appPathOf(url.pathname).startsWith('/settings/')) {
		const status = await unwrap(api.GET('/api/v1/mfa/status'));
		if (status.enrolment_required) redirect(307, resolve(`${SECURITY}?enrol=1`));
	}
	return {};
};
