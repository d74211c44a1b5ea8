/** The i18n layer (svelte-i18n): every visible string is `$_('key')`. English is bundled
 * (it is also the fallback); other languages load on demand as their own chunk. Dates
 * and numbers follow the same locale (`Intl` with `$locale`, see `$lib/format`). */
import { addMessages, getLocaleFromNavigator, init, locale, register } from 'svelte-i18n';
import en from './messages/en.json';

export const LOCALES = ['en', 'de'] as const;
export type Locale = (typeof LOCALES)[number];
/** Each language named in itself, so a person who cannot read the current one finds theirs. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', de: 'Deutsch' };
const STORAGE_KEY = 'revenge-locale';

addMessages('en', en);
register('de', () => import('./messages/de.json'));

export function setupI18n(): void {
	const initial = preferredLocale();
	init({ fallbackLocale: 'en', initialLocale: initial });
	if (typeof document !== 'undefined') document.documentElement.lang = initial;
}

/** The supported locale a language tag stands for ('de-AT' → 'de'), or null. */
export function supportedLocale(wanted: string | null | undefined): Locale | null {
	if (!wanted) return null;
	return LOCALES.find((l) => wanted === l || wanted.startsWith(`${l}-`)) ?? null;
}

export function preferredLocale(): Locale {
	const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
	return supportedLocale(stored ?? getLocaleFromNavigator()) ?? 'en';
}

/** Switches the interface (and remembers it in this browser, so a reload keeps it). */
export async function chooseLocale(next: Locale): Promise<void> {
	localStorage.setItem(STORAGE_KEY, next);
	await locale.set(next);
	document.documentElement.lang = next;
}

/** On a browser with no choice of its own yet, the language saved in the person's
 * settings (from another device) applies. English is the settings' default, so it says
 * nothing about a choice and leaves the browser's language alone. */
export async function adoptSavedLocale(saved: string | null | undefined): Promise<void> {
	if (localStorage.getItem(STORAGE_KEY) !== null) return;
	const wanted = supportedLocale(saved);
	if (wanted && wanted !== 'en') await chooseLocale(wanted);
}
