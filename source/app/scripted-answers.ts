import type {WizardOptions} from './options.js';

/**
 * The flags a run without a terminal still needs (ARCHITECTURE.md, "The command line and the front ends"): every question of the wizard must be
 * answered on the command line. Empty when the run can go to the end unattended.
 */
export function missingAnswers(options: WizardOptions): string[] {
	const missing: string[] = [];
	if (!options.target) missing.push('--lab DIR (or --target windows|remote)');
	if (options.resume || options.rollback) return missing;
	if (!options.flow) {
		missing.push('--flow restore|reconstruct');
	} else if (options.flow === 'restore') {
		if (!options.backup) missing.push('--backup DIR');
	} else if (options.target === 'lab') {
		// On a real server the admin sets the passwords by hand (a manual step): no policy, no file.
		if (!options.passwordPolicy) missing.push('--password-policy random|initial');
		if (!options.passwordsFile) missing.push('--passwords-file PATH');
	}
	if (!options.yes) missing.push('--yes');
	return missing;
}
