/** When a blocked sign-in may be tried again, as whole minutes from now and a Swedish clock time. */
export function retryTime(retryAt: Date, now = new Date()): { minutes: number; time: string } {
	const minutes = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60_000));
	const time = new Intl.DateTimeFormat('sv-SE', {
		hour: '2-digit',
		minute: '2-digit',
		timeZone: 'Europe/Stockholm'
	}).format(new Date(Math.ceil(retryAt.getTime() / 60_000) * 60_000));
	return { minutes, time };
}
