/**
 * JET's log file names: JET.LOG is the current generation; older ones are JETxxxxx.LOG with the
 * generation in five hexadecimal digits (JET00001.LOG, … JET0000A.LOG). Case-insensitive, as on Windows.
 */
export function logFileName(generation: number): string {
	return `JET${generation.toString(16).toUpperCase().padStart(5, '0')}.LOG`;
}

/** The generation a file name claims, `'current'` for JET.LOG, or undefined for any other name. */
export function generationFromName(name: string): number | 'current' | undefined {
	const upper = name.toUpperCase();
	if (upper === 'JET.LOG') return 'current';
	const match = /^JET([0-9A-F]{5})\.LOG$/.exec(upper);
	return match ? Number.parseInt(match[1]!, 16) : undefined;
}
