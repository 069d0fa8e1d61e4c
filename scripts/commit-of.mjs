// The commit a bench or soak measured, for the "- commit:" line of the documents they write, so a
// figure can be traced to the code it came from.
import { execFileSync } from "node:child_process";

/**
 * The short hash of HEAD in `root`, with "+ uncommitted changes" when tracked files differ from it.
 *
 * @example
 * commitOf(root); // "13e8448" or "13e8448 + uncommitted changes"
 */
export function commitOf(root) {
  const git = (...args) =>
    execFileSync("git", args, {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  try {
    const dirty = git("status", "--porcelain", "--untracked-files=no") !== "";
    return `${git("rev-parse", "--short", "HEAD")}${dirty ? " + uncommitted changes" : ""}`;
  } catch {
    return "unknown (not a git checkout)";
  }
}
