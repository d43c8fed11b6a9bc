/**
 * NetBIOS computer names, as NT 4.0 accepts them: 1 to 15 characters, none of \ / : * ? " < > | and no
 * spaces or dots at the ends; an IPv4 address is taken too. Checked before the name goes near a command.
 */
export function hostNameProblem(name: string): string | undefined {
	if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) return name.split('.').every(n => Number(n) <= 255) ? undefined : 'that is not an IPv4 address';
	if (name.length === 0) return 'it is empty';
	if (name.length > 15) return 'a NetBIOS name has at most 15 characters';
	// eslint-disable-next-line no-control-regex
	if (/[\\/:*?"<>|\s\u0000-\u001f]/.test(name)) return 'a NetBIOS name cannot hold \\ / : * ? " < > | or spaces';
	if (name.startsWith('.') || name.startsWith('-')) return 'a NetBIOS name cannot start with a dot or a dash';
	return undefined;
}
