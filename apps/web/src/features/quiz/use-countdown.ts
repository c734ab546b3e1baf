import { useEffect, useState } from 'react';

/**
 * Seconds left until `deadlineAt` by the server's clock: the offset between the server's `serverNow`
 * and this device's clock is taken when the attempt arrives, so a wrong device clock does not change
 * the time. Null when untimed.
 */
export function useCountdown(deadlineAt: string | null, serverNow: string): number | null {
  const [offset] = useState(() => Date.parse(serverNow) - Date.now());
  const left = () =>
    deadlineAt ? Math.max(0, Math.ceil((Date.parse(deadlineAt) - (Date.now() + offset)) / 1000)) : null;
  const [seconds, setSeconds] = useState(left);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `left` reads only the deadline and the offset
  useEffect(() => {
    if (!deadlineAt) return;
    setSeconds(left());
    const timer = window.setInterval(() => setSeconds(left()), 250);
    return () => window.clearInterval(timer);
  }, [deadlineAt, offset]);
  return seconds;
}
