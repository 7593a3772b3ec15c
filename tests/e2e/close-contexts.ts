import { afterEach } from 'vitest';
import { closeTestContexts } from './browser.ts';

// Set-up of every e2e file: the respondents' contexts a test made are closed when it ends.
afterEach(closeTestContexts);
