import {
  ERROR_CATALOG,
  type MigrationErrorCode,
  PROBLEM_JSON,
  PROBLEM_TYPE_BASE,
} from "@wa-migrate/contracts";

/**
 * An `application/problem+json` answer of the control API, with a code from the contracts' catalog.
 *
 * @example
 * return controlProblem("validation_failed", "advanceMs must be a number >= 0");
 */
export function controlProblem(
  code: MigrationErrorCode,
  detail: string,
  extra: Record<string, unknown> = {},
  status: number = ERROR_CATALOG[code].status,
): Response {
  const entry = ERROR_CATALOG[code];
  const body = {
    type: `${PROBLEM_TYPE_BASE}${code}`,
    title: entry.message,
    status,
    code,
    detail,
    remedy: entry.remedy,
    retryable: entry.retryable,
    ...extra,
  };
  return new Response(JSON.stringify(body), { status, headers: { "content-type": PROBLEM_JSON } });
}

/** Reads a JSON body of the control API: an object, or an empty body as `{}`; undefined when malformed. */
export async function readControlBody(
  request: Request,
): Promise<Record<string, unknown> | undefined> {
  const text = await request.text();
  if (text.trim() === "") return {};
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
