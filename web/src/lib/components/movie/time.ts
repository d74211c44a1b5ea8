/** hh:mm:ss (or m:ss under an hour) for a resume position. */
export function clock(seconds: number): string {
	const s = Math.max(0, Math.floor(seconds));
	const h = Math.floor(s / 3600);
	const m = Math.floor((s % 3600) / 60);
	const rest = String(s % 60).padStart(2, '0');
	return h ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

/** "2 h 16 min" style runtime pieces (the words come from i18n). */
export function runtimeParts(minutes: number): { hours: number; minutes: number } {
	return { hours: Math.floor(minutes / 60), minutes: minutes % 60 };
}

/** Bytes as "1.4 GB". */
export function fileSize(bytes: number, locale: string | null | undefined): string {
	const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'];
	let value = bytes;
	let unit = 0;
	while (value >= 1000 && unit < units.length - 1) {
		value /= 1000;
		unit += 1;
	}
	return new Intl.NumberFormat(locale ?? 'en', { style: 'unit', unit: units[unit], maximumFractionDigits: 1 }).format(value);
}
