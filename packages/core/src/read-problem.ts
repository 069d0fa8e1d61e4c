import { parseProblemDetails } from "@wa-migrate/contracts/browser";
import { BffError } from "./bff-error.js";

/**
 * Turns an unsuccessful BFF response into a {@link BffError}: the problem+json `code` when the body is
 * one, otherwise a code chosen from the HTTP status.
 *
 * @example
 * if (!response.ok) throw await readProblem(response);
 */
export async function readProblem(response: Response): Promise<BffError> {
  const body: unknown = await response.json().catch((cause: unknown) => cause);
  const problem = parseProblemDetails(body);
  if (problem) {
    return new BffError(problem.code, problem.detail ?? problem.title, {
      status: response.status,
      problem,
      cause: body,
    });
  }
  const status = response.status;
  const code =
    status === 404
      ? "not_found"
      : status === 401
        ? "unauthorized"
        : status === 403
          ? "forbidden"
          : status === 429
            ? "rate_limited"
            : status === 502 || status === 503 || status === 504
              ? "bff_unreachable"
              : "internal_error";
  return new BffError(code, `The server answered ${status}`, {
    status,
    retryable: status === 429 || status >= 500,
    cause: body,
  });
}
