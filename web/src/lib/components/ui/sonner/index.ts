export { default as Toaster } from './sonner.svelte';
export { toast } from 'svelte-sonner';
