import { cleanup } from '@testing-library/svelte';
import { afterEach } from 'vitest';
import { setupI18n } from '$lib/i18n';

setupI18n();
afterEach(() => cleanup());
