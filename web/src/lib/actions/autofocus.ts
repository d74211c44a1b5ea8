import type { Action } from 'svelte/action';

/** Focuses the element once it is in the page (a step's first field, a dialog's input). */
export const autofocus: Action<HTMLElement, boolean | undefined> = (node, enabled = true) => {
	if (enabled) queueMicrotask(() => node.focus());
};
