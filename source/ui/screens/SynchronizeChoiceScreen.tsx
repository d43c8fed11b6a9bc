import {Question, type QuestionProps} from '../widgets/Question.js';

/** Synchronize or Fully synchronize: the recommendation, from the backup's age, is drawn first. */
export function SynchronizeChoiceScreen(props: QuestionProps) {
	return <Question {...props} tone="yellow" />;
}
