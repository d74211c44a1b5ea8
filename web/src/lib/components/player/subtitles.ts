/** Which subtitle is on when playback starts: the person's mode and language (from
 * /settings/playback), and forced tracks when the audio is in another language. */
import type { Schemas } from '$lib/api/client';

export type SubtitleLink = Schemas['SubtitleLink'];
export type SubtitleMode = 'off' | 'auto' | 'always';

const same = (a: string | null | undefined, b: string | null | undefined) =>
	!!a && !!b && a.slice(0, 2).toLowerCase() === b.slice(0, 2).toLowerCase();

export function initialSubtitle(
	subtitles: SubtitleLink[],
	audioLanguage: string | null,
	mode: SubtitleMode,
	userLanguage: string | null
): number | null {
	const text = subtitles.filter((s) => s.url);
	const mine = (list: SubtitleLink[]) => list.find((s) => same(s.language, userLanguage)) ?? list[0];
	if (mode === 'off') return null;
	if (mode === 'always') return mine(text.filter((s) => !s.forced))?.index ?? null;
	const audioDiffers = !!audioLanguage && !!userLanguage && !same(audioLanguage, userLanguage);
	return audioDiffers ? (mine(text.filter((s) => s.forced))?.index ?? null) : null;
}
