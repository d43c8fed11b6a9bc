import {Text} from '../widgets/Text.js';
import {safeText} from '../../text/sanitize.js';

export function LoadingScreen({message}: {message: string}) {
	return <Text color="gray">{safeText(message)}</Text>;
}
