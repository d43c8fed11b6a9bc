import {Question, type QuestionProps} from '../widgets/Question.js';

/** Which PDC this is: the one that ran DSMN all along (KB Q148678) or a promoted BDC (KB Q154761); ? says why they differ. */
export function PdcScreen(props: QuestionProps) {
	return <Question {...props} />;
}
