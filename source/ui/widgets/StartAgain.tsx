/**
 * A text that ends with the command to start again ("…, start again on this target: npm start -- --lab
 * /tmp/lab"), drawn with the command on rows of its own, broken only at spaces with the shell's
 * continuation (ARCHITECTURE.md, "Layout at any size"): a wrap between words would part "--" from "--lab"
 * and run the command on after the sentence.
 */
import {Box} from 'ink';
import {Text} from './Text.js';
import {wrapCommand} from '../../text/wrap.js';

/** The sentence that names the command, up to its colon, and the command after it. */
const START_AGAIN = /^(.*start again on this target[^:]*:) (\S.*)$/s;

/** The shell here continues a line with " \" (" ^" in cmd.exe): the command is typed where the wizard runs. */
export const HERE: '\\' | '^' = process.platform === 'win32' ? '^' : '\\';

/** `text` split into its sentence and its command, when it ends with the command to start again. */
export function splitStartAgain(text: string): {sentence: string; command?: string} {
	const match = START_AGAIN.exec(text);
	return match ? {sentence: match[1]!, command: match[2]!} : {sentence: text};
}

/** A command to type, at `columns`: whole on its row, else continued. */
export function CommandRows({command, columns}: {command: string; columns: number}) {
	return <Text>{wrapCommand(command, Math.max(1, columns), HERE)}</Text>;
}

/** `text` as drawn: its command, if it ends with the one to start again, on rows of its own. */
export function StartAgainText({text, columns}: {text: string; columns: number}) {
	const {sentence, command} = splitStartAgain(text);
	if (command === undefined) return <Text>{text}</Text>;
	return (
		<Box flexDirection="column">
			<Text>{sentence}</Text>
			<CommandRows command={command} columns={columns} />
		</Box>
	);
}
