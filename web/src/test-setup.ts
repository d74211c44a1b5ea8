import { setupI18n } from '$lib/i18n';

setupI18n();
