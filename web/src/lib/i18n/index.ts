/** The i18n layer (svelte-i18n): every visible string is `$_('key')`. English is bundled
 * (it is also the fallback); other languages load on demand as their own chunk. */
import { addMessages, getLocaleFromNavigator, init, locale, register } from 'svelte-i18n';
import en from './messages/en.json';

export const LOCALES = ['en'] as const;
export type Locale = (typeof LOCALES)[number];
const STORAGE_KEY = 'revenge-locale';

addMessages('en', en);
// Further languages: register('de', () => import('./messages/de.json'));
void register;

export function setupI18n(): void {
	init({ fallbackLocale: 'en', initialLocale: preferredLocale() });
}

export function preferredLocale(): string {
	const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
	const wanted = stored ?? getLocaleFromNavigator() ?? 'en';
	return LOCALES.find((l) => wanted === l || wanted.startsWith(`${l}-`)) ?? 'en';
}

export async function chooseLocale(next: Locale): Promise<void> {
	localStorage.setItem(STORAGE_KEY, next);
	await locale.set(next);
	document.documentElement.lang = next;
}
