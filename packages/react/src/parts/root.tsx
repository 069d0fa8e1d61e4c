import { type HTMLAttributes, type ReactNode, useMemo } from "react";
import { FlowContext, type FlowContextValue } from "../flow-context.js";
import type { MigrationFlowHandle } from "../flow-handle.js";
import type { Locale, MessageOverrides } from "../messages/messages.js";
import { resolveMessages } from "../messages/resolve-messages.js";

/**
 * Props of {@link Root}.
 *
 * @example
 * const props: RootProps = { flow, locale: "de", theme: "light", className: "my-portal" };
 * <MigrationFlow.Root {...props}><MigrationFlow.Steps /></MigrationFlow.Root>
 */
export interface RootProps extends Omit<HTMLAttributes<HTMLDivElement>, "children"> {
  /** The flow from `useMigrationFlow` (or a fixture handle in stories and tests). */
  flow: MigrationFlowHandle;
  locale?: Locale;
  messages?: MessageOverrides;
  /** Renders no `wam-` class names, so the stylesheet does not apply; bring your own styles. */
  unstyled?: boolean;
  /** Forces a colour scheme; by default it follows `prefers-color-scheme`. */
  theme?: "light" | "dark";
  children?: ReactNode;
}

const styled = (name: string) => `wam-${name}`;
const bare = () => undefined;

/**
 * The container of a custom layout: provides the flow, texts and class names to the parts, and
 * shows the flow state as `data-state`.
 *
 * @example
 * <MigrationFlow.Root flow={flow} locale="de"><MigrationFlow.Steps /></MigrationFlow.Root>
 */
export function Root({
  flow,
  locale = "en",
  messages,
  unstyled = false,
  theme,
  className,
  children,
  ...rest
}: RootProps) {
  const t = useMemo(() => resolveMessages(locale, messages), [locale, messages]);
  const cx = unstyled ? bare : styled;
  const value = useMemo<FlowContextValue>(() => ({ flow, t, locale, cx }), [flow, t, locale, cx]);
  return (
    <FlowContext.Provider value={value}>
      <div
        {...rest}
        className={[cx("root"), className].filter(Boolean).join(" ") || undefined}
        data-state={flow.snapshot.state}
        data-theme={theme}
        lang={locale}
      >
        {children}
      </div>
    </FlowContext.Provider>
  );
}
