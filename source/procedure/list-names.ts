/** Names as a confirmation lists them: up to twelve, then how many more. */
export function listNames(names: string[]): string {
	return names.length > 12 ? `${names.slice(0, 12).join(', ')}, … (${names.length - 12} more)` : names.join(', ');
}
