/** The double-submit CSRF token: the server's readable CSRF cookie, echoed in a header.
 * Over https the server names its cookies with the `__Host-` prefix. */
export const CSRF_COOKIES = ['__Host-revenge_csrf', 'revenge_csrf'] as const;
export const CSRF_HEADER = 'X-CSRF-Token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function readCsrfToken(cookieHeader: string = document.cookie): string | null {
	const cookies = new Map<string, string>();
	for (const part of cookieHeader.split(';')) {
		const eq = part.indexOf('=');
		if (eq > 0) cookies.set(part.slice(0, eq).trim(), decodeURIComponent(part.slice(eq + 1).trim()));
	}
	for (const name of CSRF_COOKIES) {
		const value = cookies.get(name);
		if (value) return value;
	}
	return null;
}

export function needsCsrf(method: string): boolean {
	return !SAFE_METHODS.has(method.toUpperCase());
}
