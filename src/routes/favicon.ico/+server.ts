import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

// Browsers and crawlers ask for /favicon.ico whatever the page links to: send them to the SVG icon.
export const GET: RequestHandler = () => redirect(308, '/favicon.svg');
