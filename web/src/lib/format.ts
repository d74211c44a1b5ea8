/** Dates for people: "3 minutes ago", "7 Dec 2026", in the current locale. */
export function relativeTime(iso: string, locale: string | null | undefined, now = Date.now()): string {
	const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
	const format = new Intl.RelativeTimeFormat(locale ?? 'en', { numeric: 'auto' });
	const units: [Intl.RelativeTimeFormatUnit, number][] = [
		['year', 31_536_000],
		['month', 2_592_000],
		['day', 86_400],
		['hour', 3_600],
		['minute', 60]
	];
	for (const [unit, size] of units) {
		if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
	}
	return format.format(0, 'minute');
}

export function shortDate(iso: string, locale: string | null | undefined): string {
	return new Intl.DateTimeFormat(locale ?? 'en', { dateStyle: 'medium' }).format(new Date(iso));
}

const BROWSERS: [string, RegExp][] = [
	['Edge', /Edg\//],
	['Firefox', /Firefox\//],
	['Chrome', /Chrome\//],
	['Safari', /Safari\//]
];
const SYSTEMS: [string, RegExp][] = [
	['Android', /Android/],
	['iOS', /iPhone|iPad/],
	['Windows', /Windows/],
	['macOS', /Mac OS X/],
	['Linux', /Linux/]
];

function first(table: [string, RegExp][], text: string): string | undefined {
	return table.find(([, pattern]) => pattern.test(text))?.[0];
}

/** A readable client name from a user agent ("Firefox · Linux"), else the raw string. */
export function clientName(userAgent: string): string {
	const browser = first(BROWSERS, userAgent);
	const system = first(SYSTEMS, userAgent);
	if (browser) return system ? `${browser} · ${system}` : browser;
	return userAgent || '—';
}
