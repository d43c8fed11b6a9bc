import {useEffect, useRef, useState} from 'react';

/**
 * The time, for "elapsed" and "left". Progress events redraw the screen anyway; the timer redraws only
 * when none came for a second (a server that does not answer), so it never adds frames of its own.
 */
export function useNow(intervalMs = 1000): number {
	const [, setTick] = useState(0);
	const renderedAt = useRef(Date.now());
	renderedAt.current = Date.now();
	useEffect(() => {
		const timer = setInterval(() => {
			if (Date.now() - renderedAt.current >= intervalMs) setTick(t => t + 1);
		}, intervalMs / 4);
		return () => clearInterval(timer);
	}, [intervalMs]);
	return renderedAt.current;
}
