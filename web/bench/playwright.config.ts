import { defineConfig } from '@playwright/test';
import base from '../playwright.config';

// The browser figures (npm run bench): the e2e harness's server, one worker, no retries.
export default defineConfig({ ...base, testDir: '.', testMatch: '*.bench.ts', reporter: [['list']], timeout: 300_000 });
