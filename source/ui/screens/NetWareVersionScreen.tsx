import {Question, type QuestionProps} from '../widgets/Question.js';

/** The chosen servers' NetWare versions, before the bindery question. */
export function NetWareVersionScreen(props: QuestionProps) {
	return <Question {...props} />;
}
