/** Language choices for audio and subtitles, named in the interface's own language. */
export const MEDIA_LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'sv', 'da', 'no', 'fi', 'pl', 'cs', 'ru', 'tr', 'ar', 'hi', 'ja', 'ko', 'zh'] as const;

export function languageName(code: string, locale: string | null | undefined): string {
	try {
		return new Intl.DisplayNames([locale ?? 'en'], { type: 'language' }).of(code) ?? code;
	} catch {
		return code;
	}
}

/** Sorted by their name in `locale`, so the list reads alphabetically in any language. */
export function languageOptions(locale: string | null | undefined): { code: string; name: string }[] {
	return MEDIA_LANGUAGES.map((code) => ({ code, name: languageName(code, locale) })).sort((a, b) =>
		a.name.localeCompare(b.name, locale ?? 'en')
	);
}

/** The "default quality" choices: each is a ceiling on the stream's bit rate (kb/s);
 * null lets the player pick from the connection. */
export const QUALITY_CEILINGS = [null, 40_000, 20_000, 8_000, 4_000, 1_500, 720] as const;
export type QualityCeiling = (typeof QUALITY_CEILINGS)[number];

/** The choice a saved bit rate falls under (the highest ceiling not above it). */
export function qualityChoice(kbps: number | null | undefined): QualityCeiling {
	if (!kbps) return null;
	return QUALITY_CEILINGS.find((c) => c !== null && c <= kbps) ?? 720;
}
