import type {QuestionProps} from '../widgets/Question.js';
import {NetWareVersionScreen} from './NetWareVersionScreen.js';
import {PdcScreen} from './PdcScreen.js';
import {SymptomScreen} from './SymptomScreen.js';
import {SynchronizeChoiceScreen} from './SynchronizeChoiceScreen.js';

/** Which situation question is on screen (wizard/flows/situation.ts names it by its step). */
export function SituationScreen(props: QuestionProps) {
	const {step} = props.screen;
	if (step === 'pdc') return <PdcScreen {...props} />;
	if (step.startsWith('synchronize-')) return <SynchronizeChoiceScreen {...props} />;
	if (step.startsWith('netware')) return <NetWareVersionScreen {...props} />;
	return <SymptomScreen {...props} />;
}
