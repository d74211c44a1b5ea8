/** use:taps={{ ontap, ondoubletap }} for touch: one tap (after 250 ms with no second)
 * toggles the controls; a double tap says which third was hit ('left' | 'middle' | 'right'). */
export type Side = 'left' | 'middle' | 'right';
export interface TapOptions {
	ontap: () => void;
	ondoubletap: (side: Side) => void;
}

export const DOUBLE_TAP_MS = 250;

export function sideOf(x: number, width: number): Side {
	return x < width / 3 ? 'left' : x > (2 * width) / 3 ? 'right' : 'middle';
}

export function taps(node: HTMLElement, options: TapOptions) {
	let opts = options;
	let pending: ReturnType<typeof setTimeout> | undefined;
	const onup = (e: PointerEvent) => {
		if (e.pointerType !== 'touch' || e.target !== node) return;
		if (pending) {
			clearTimeout(pending);
			pending = undefined;
			const box = node.getBoundingClientRect();
			opts.ondoubletap(sideOf(e.clientX - box.left, box.width));
			return;
		}
		pending = setTimeout(() => {
			pending = undefined;
			opts.ontap();
		}, DOUBLE_TAP_MS);
	};
	node.addEventListener('pointerup', onup);
	return {
		update(next: TapOptions) {
			opts = next;
		},
		destroy() {
			clearTimeout(pending);
			node.removeEventListener('pointerup', onup);
		}
	};
}
