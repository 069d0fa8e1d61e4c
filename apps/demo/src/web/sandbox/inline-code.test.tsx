import { renderToStaticMarkup } from "react-dom/server";
import { expect, test } from "vitest";
import { InlineCode } from "./inline-code.js";

test.each([
  ["Turns `is_pin_enabled` on.", "Turns <code>is_pin_enabled</code> on."],
  ["`a` and `b`", "<code>a</code> and <code>b</code>"],
  ["no code here", "no code here"],
  ["an unmatched ` stays", "an unmatched ` stays"],
  ["<b>not markup</b> `x`", "&lt;b&gt;not markup&lt;/b&gt; <code>x</code>"],
])("%s", (text, html) => {
  expect(renderToStaticMarkup(<InlineCode text={text} />)).toBe(html);
});
