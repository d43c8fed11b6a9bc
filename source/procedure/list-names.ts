/** Names as a confirmation lists them: up to twelve, then how many more. */
export function listNames(names: string[]): string {
	return names.length > 12 ? `${names.slice(0, 12).join(', ')}, … (${names.length - 12} more)` : names.join(', ');
}

/**
 * A sentence about one server or several: "FS2: its record … is damaged" for one, "Each of FS2, FS4, FS5:
 * its record …" for several, so that a sentence written about one server stays true and grammatical when
 * several share it.
 */
export function aboutServers(names: string[], sentence: string): string {
	return names.length === 1 ? `${names[0]}: ${sentence}` : `Each of ${listNames(names)}: ${sentence}`;
}
