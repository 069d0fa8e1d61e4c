import { useState } from "react";

/**
 * Runs a control call and reports the outcome in one status line.
 *
 * @example
 * const [notice, act] = useAction();
 * act("Clock advanced", () => api.advanceClock(60_000));
 */
export function useAction(): [
  { tone: "ok" | "problem"; text: string } | null,
  (label: string, run: () => Promise<unknown>) => Promise<void>,
] {
  const [notice, setNotice] = useState<{ tone: "ok" | "problem"; text: string } | null>(null);
  const act = async (label: string, run: () => Promise<unknown>) => {
    try {
      await run();
      setNotice({ tone: "ok", text: label });
    } catch (error) {
      setNotice({ tone: "problem", text: `${label} failed: ${(error as Error).message}` });
    }
  };
  return [notice, act];
}
