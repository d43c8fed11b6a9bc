/**
 * A word of a command as a POSIX shell (and, without a double quote in it, cmd.exe) reads it: as it is
 * when plain, else in double quotes (backslashes of a Windows path kept), or single quotes if it holds one.
 */
export function shellWord(word: string): string {
	if (/^[\w@%+=:,./\\-]+$/.test(word)) return word;
	// In double quotes a backslash is itself, except before " $ ` \ or at the end.
	if (!/["$`]|\\(\\|$)/.test(word)) return `"${word}"`;
	return `'${word.replace(/'/g, `'\\''`)}'`;
}
