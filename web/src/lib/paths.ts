/** Paths under the prefix the app is served at ("/revenge" behind a proxy, "" at the root;
 * chosen at run time by the server, see scripts/portable-index.mjs).
 *
 * Literal links use `resolve('/movies')` from `$app/paths` (typed against the routes);
 * these two are for paths computed at run time (a `next=` parameter, a nav entry). */
import { base } from '$app/paths';

/** An app path ('/movies?sort=title') as a URL path the browser can follow. */
export function withBase(path: string): string {
	return base + path;
}

/** The app path of a URL's pathname (`page.url.pathname` carries the prefix). */
export function appPathOf(pathname: string): string {
	if (!base) return pathname;
	if (pathname === base) return '/';
	return pathname.startsWith(base + '/') ? pathname.slice(base.length) : pathname;
}
