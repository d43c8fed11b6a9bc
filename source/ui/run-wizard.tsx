import type {WizardOptions} from '../cli/parse-args.js';

export async function runWizard(_options: WizardOptions): Promise<number> {
	return 1;
}
