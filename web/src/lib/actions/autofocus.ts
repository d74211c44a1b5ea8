import type { Attachment } from 'svelte/attachments';

/** Focuses the element once it is in the page: `<Input {@attach autofocus} />` (works
 * through components that spread their props onto the element). */
export const autofocus: Attachment<HTMLElement> = (node) => {
	queueMicrotask(() => node.focus());
};
