import { Fragment } from "react";

/**
 * Text with Markdown's `code` spans shown as code: the sandbox's scenario summaries are written for
 * its README and quote field names and requests that way.
 *
 * @example
 * <InlineCode text="Turns `is_pin_enabled` on." /> // Turns <code>is_pin_enabled</code> on.
 */
export function InlineCode({ text }: { text: string }) {
  // Odd parts of a split on backticks are the spans; an unmatched backtick stays as it is.
  const parts = text.split("`");
  if (parts.length % 2 === 0) return <>{text}</>;
  return (
    <>
      {parts.map((part, i) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts never reorder
        i % 2 === 1 ? <code key={i}>{part}</code> : <Fragment key={i}>{part}</Fragment>,
      )}
    </>
  );
}
