// Dark unless the person chose light. mode-watcher stores "system" as soon as it is
// imported, which would win over its `defaultMode` (a light system theme would turn the
// app light); our toggle only ever stores "light" or "dark", so "system" means unchosen.
import { setMode } from 'mode-watcher';

if (typeof localStorage !== 'undefined' && (localStorage.getItem('mode-watcher-mode') ?? 'system') === 'system') {
	setMode('dark');
}
