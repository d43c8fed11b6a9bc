/**
 * The synchronize a run was begun with, named on its step: "Fully synchronize all servers" where that was
 * chosen (`--synchronize full`, the wizard's question), so the plan, the step list, the step's heading and
 * the scripted lines all say what will run (ARCHITECTURE.md, "Synchronize all servers").
 */
import type {StepDef} from './procedure-run.js';
import {SYNCHRONIZE_CHOICES, type SynchronizeKind} from './synchronize-choice.js';

/** The steps with the synchronize step titled as chosen; unchanged when nothing was chosen (an older journal). */
export function withSynchronizeChosen<S extends StepDef>(steps: readonly S[], kind: SynchronizeKind | undefined): S[] {
	return steps.map(step => (step.id === 'synchronize' && kind ? {...step, title: SYNCHRONIZE_CHOICES[kind].label} : step));
}

/** A plan's line for a step, its synchronize named as chosen ("Synchronize all servers (by you…)" → "Fully …"). */
export function synchronizeLineChosen(line: string, kind: SynchronizeKind | undefined): string {
	const plain = SYNCHRONIZE_CHOICES.normal.label;
	return kind && line.startsWith(plain) ? `${SYNCHRONIZE_CHOICES[kind].label}${line.slice(plain.length)}` : line;
}
