import { Select as SelectPrimitive } from 'bits-ui';
import Content from './select-content.svelte';
import Item from './select-item.svelte';
import Trigger from './select-trigger.svelte';

const Root = SelectPrimitive.Root;
const Group = SelectPrimitive.Group;

export {
	Root,
	Group,
	Content,
	Item,
	Trigger,
	Root as Select,
	Group as SelectGroup,
	Content as SelectContent,
	Item as SelectItem,
	Trigger as SelectTrigger
};
