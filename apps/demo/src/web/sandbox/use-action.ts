import { useState } from "react";

/**
 * Runs a control call and reports the outcome in one status line; `describe` adds what the
 * answer says to the line (`label: description`).
 *
 * @example
 * const [notice, act] = useAction();
 * act("Clock advanced", () => api.advanceClock(60_000));
 * act("A customer texted", () => api.sendCustomerMessage(id, "Hi"), (sent) => sent.waba_id);
 */
export function useAction(): [
  { tone: "ok" | "problem"; text: string } | null,
  <T>(label: string, run: () => Promise<T>, describe?: (result: T) => string) => Promise<void>,
] {
  const [notice, setNotice] = useState<{ tone: "ok" | "problem"; text: string } | null>(null);
  const act = async <T>(label: string, run: () => Promise<T>, describe?: (result: T) => string) => {
    try {
      const result = await run();
      setNotice({ tone: "ok", text: describe ? `${label}: ${describe(result)}` : label });
    } catch (error) {
      setNotice({ tone: "problem", text: `${label} failed: ${(error as Error).message}` });
    }
  };
  return [notice, act];
}
