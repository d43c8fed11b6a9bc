/** What smbclient's `ls` and `du` print, read: the entries of a folder and the bytes free on a share. */
/** One entry of `ls`: "  NAME   ATTRIBUTES   SIZE  Sun Nov 29 17:34:50 2026". */
const LS_LINE = /^ {2}(.+?)\s+([A-Z]*)\s+(\d+)\s+(\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4})\s*$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export type LsEntry = {name: string; directory: boolean; size: number; mtimeMs: number};

/** The entries of smbclient's `ls` output (the "." and ".." entries and the free-space line left out). */
export function parseLs(stdout: string): LsEntry[] {
	const entries: LsEntry[] = [];
	for (const line of stdout.split(/\r?\n/)) {
		const match = LS_LINE.exec(line);
		if (!match) continue;
		const [, name, attributes, size, date] = match as unknown as [string, string, string, string, string];
		if (name === '.' || name === '..') continue;
		entries.push({name, directory: attributes.includes('D'), size: Number(size), mtimeMs: lsTime(date)});
	}
	return entries;
}

/** smbclient prints times in this machine's time zone: "Sun Nov 29 17:34:50 2026". */
function lsTime(date: string): number {
	const [, month, day, time, year] = date.split(/\s+/) as [string, string, string, string, string];
	const [h, m, s] = time.split(':').map(Number) as [number, number, number];
	return new Date(Number(year), MONTHS.indexOf(month), Number(day), h, m, s).getTime();
}

/** `du`'s "N blocks of size S. M blocks available": the bytes free; undefined when the share reports no size (unknown). */
export function parseDu(stdout: string): number | undefined {
	const match = /(\d+) blocks of size (\d+)\. (\d+) blocks available/.exec(stdout);
	if (!match) return undefined;
	const [total, size, available] = [Number(match[1]), Number(match[2]), Number(match[3])];
	return total === 0 || size === 0 ? undefined : available * size;
}
