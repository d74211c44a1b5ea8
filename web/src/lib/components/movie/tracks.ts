/** How a file's audio or subtitle stream reads in the files table: "English · AAC · 5.1".
 * An unknown language (none, "und", "unk") is left out rather than shown as "?". */
export interface StreamFacts {
	language?: string | null;
	codec?: string | null;
	channels?: number | null;
}

const UNKNOWN = new Set(['', 'und', 'unk', 'mis', 'zxx']);
const LAYOUTS: Record<number, string> = { 6: '5.1', 8: '7.1' };

export function languageName(code: string | null | undefined, locale: string | null | undefined): string | null {
	const given = (code ?? '').trim();
	const tag = given.toLowerCase();
	if (UNKNOWN.has(tag)) return null;
	try {
		return new Intl.DisplayNames([locale ?? 'en'], { type: 'language', fallback: 'code' }).of(tag) ?? tag;
	} catch {
		return given; // not a well-formed tag (e.g. a name a muxer wrote): show it as it is
	}
}

/** `mono` and `stereo` are words, so the caller passes them in its language. */
export function trackLabel(stream: StreamFacts, locale: string | null | undefined, words: { mono: string; stereo: string }): string {
	const channels = stream.channels;
	const layout = !channels ? null : channels === 1 ? words.mono : channels === 2 ? words.stereo : (LAYOUTS[channels] ?? `${channels}ch`);
	return [languageName(stream.language, locale), stream.codec?.toUpperCase(), layout].filter(Boolean).join(' · ');
}
