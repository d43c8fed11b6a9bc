import type {Screen} from '../../wizard/state.js';
import type {ChoiceView} from '../widgets/Select.js';
import {NetWareVersionScreen} from './NetWareVersionScreen.js';
import {PdcScreen} from './PdcScreen.js';
import {SymptomScreen} from './SymptomScreen.js';
import {SynchronizeChoiceScreen} from './SynchronizeChoiceScreen.js';

/** Which situation question is on screen (wizard/flows/situation.ts names it by its step). */
export function SituationScreen({screen, choice}: {screen: Extract<Screen, {name: 'situation'}>; choice: ChoiceView}) {
	if (screen.step === 'pdc') return <PdcScreen screen={screen} choice={choice} />;
	if (screen.step.startsWith('synchronize-')) return <SynchronizeChoiceScreen screen={screen} choice={choice} />;
	if (screen.step.startsWith('netware')) return <NetWareVersionScreen screen={screen} choice={choice} />;
	return <SymptomScreen screen={screen} choice={choice} />;
}
