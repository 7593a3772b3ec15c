declare global {
	namespace App {
		interface Error {
			message: string;
			code?: string;
			status?: number;
		}
		interface Locals {
			lang: 'sv' | 'en';
		}
	}
}

export {};
