/** The player's keyboard: one key → one action (Esc is the browser's own fullscreen exit). */
export type KeyAction =
	| 'togglePlay'
	| 'back10'
	| 'forward10'
	| 'volumeUp'
	| 'volumeDown'
	| 'fullscreen'
	| 'mute'
	| 'captions'
	| 'exitFullscreen';

const MAP: Record<string, KeyAction> = {
	' ': 'togglePlay',
	k: 'togglePlay',
	ArrowLeft: 'back10',
	ArrowRight: 'forward10',
	ArrowUp: 'volumeUp',
	ArrowDown: 'volumeDown',
	f: 'fullscreen',
	m: 'mute',
	c: 'captions',
	Escape: 'exitFullscreen'
};

export function keyAction(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): KeyAction | null {
	if (event.ctrlKey || event.metaKey || event.altKey) return null; // browser shortcuts stay theirs
	const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
	return MAP[key] ?? null;
}

export const SEEK_STEP = 10;
export const VOLUME_STEP = 0.1;
