import { Dialog as SheetPrimitive } from 'bits-ui';
import Content from './sheet-content.svelte';
import Description from './sheet-description.svelte';
import Header from './sheet-header.svelte';
import Overlay from './sheet-overlay.svelte';
import Title from './sheet-title.svelte';

const Root = SheetPrimitive.Root;
const Trigger = SheetPrimitive.Trigger;
const Close = SheetPrimitive.Close;

export {
	Root,
	Trigger,
	Close,
	Overlay,
	Content,
	Header,
	Title,
	Description,
	Root as Sheet,
	Trigger as SheetTrigger,
	Close as SheetClose,
	Content as SheetContent,
	Header as SheetHeader,
	Title as SheetTitle,
	Description as SheetDescription
};
