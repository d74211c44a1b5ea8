import { appPathOf } from '$lib/paths';
import { resolve } from '$app/paths';
import { redirect } from '@sveltejs/kit';
import { api, unwrap } from '$lib/api/client';
import { loginUrl, session } from '$lib/auth/session.svelte';
import { adoptSavedLocale } from '$lib/i18n';
import type { LayoutLoad } from './$types';

const SECURITY = '/settings/security' as const;
let localeAdopted = false;

// Every page in (app) needs a signed-in person: others go to /login and come back after.
// A person the server requires a second factor from, who has none yet, holds no
// permissions until they enrol one: they are sent to the security page.
export const load: LayoutLoad = async ({ parent, url }) => {
	await parent();
	if (session.info?.setup_required) redirect(307, resolve('/setup'));
	if (!session.signedIn) redirect(307, loginUrl(appPathOf(url.pathname) + url.search));
	if (!localeAdopted) {
		localeAdopted = true;
		const saved = await api.GET('/api/v1/users/me/settings').catch(() => null);
		await adoptSavedLocale(saved?.data?.language);
	}
	if (session.permissions.size === 0 && !appPathOf(url.pathname).startsWith('/settings/')) {
		const status = await unwrap(api.GET('/api/v1/mfa/status'));
		if (status.enrolment_required) redirect(307, resolve(`${SECURITY}?enrol=1`));
	}
	return {};
};
