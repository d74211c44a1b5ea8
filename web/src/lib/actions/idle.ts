/** use:idle={{ ms: 3000, onchange }}: `onchange(true)` after `ms` of no pointer movement,
 * touch or key press on the node (and its window's keys); `onchange(false)` at the next one. */
export interface IdleOptions {
	ms?: number;
	onchange: (idle: boolean) => void;
}

export function idle(node: HTMLElement, options: IdleOptions) {
	let opts = options;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let idleNow = false;
	const wake = () => {
		if (idleNow) {
			idleNow = false;
			opts.onchange(false);
		}
		clearTimeout(timer);
		timer = setTimeout(() => {
			idleNow = true;
			opts.onchange(true);
		}, opts.ms ?? 3000);
	};
	const events = ['pointermove', 'pointerdown', 'touchstart'] as const;
	events.forEach((e) => node.addEventListener(e, wake, { passive: true }));
	window.addEventListener('keydown', wake);
	wake();
	return {
		update(next: IdleOptions) {
			opts = next;
		},
		destroy() {
			clearTimeout(timer);
			events.forEach((e) => node.removeEventListener(e, wake));
			window.removeEventListener('keydown', wake);
		}
	};
}
