import {Question, type QuestionProps} from '../widgets/Question.js';

/** The first question, what the admin sees; and, when MSSYNC will not start, the repair offered first. */
export function SymptomScreen(props: QuestionProps) {
	return <Question {...props} />;
}
