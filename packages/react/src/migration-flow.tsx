import { ErrorNotice } from "./parts/error-notice.js";
import { Requirements } from "./parts/requirements.js";
import { Root, type RootProps } from "./parts/root.js";
import { Status } from "./parts/status.js";
import { Step } from "./parts/step.js";
import { StepError } from "./parts/step-error.js";
import { Steps } from "./parts/steps.js";
import { Summary } from "./parts/summary.js";
import { TemplatesReport } from "./parts/templates-report.js";
import { Title } from "./parts/title.js";
import { Trigger } from "./parts/trigger.js";
import { TwoStepInstructions } from "./parts/two-step-instructions.js";
import { type UseMigrationFlowOptions, useMigrationFlow } from "./use-migration-flow.js";

/**
 * The default layout inside a `Root`: title, live status, the stepper and the summary.
 *
 * @example
 * <MigrationFlow.Root flow={flow}><MigrationFlow.Layout /></MigrationFlow.Root>
 */
function Layout() {
  return (
    <>
      <Title />
      <Status />
      <Steps />
      <Summary />
    </>
  );
}

/**
 * Props of {@link MigrationFlow}: the hook's options plus how it looks.
 *
 * @example
 * const props: MigrationFlowProps = { appId: "123", configId: "456", bffUrl: "/wa", theme: "dark" };
 * <MigrationFlow {...props} />
 */
export interface MigrationFlowProps
  extends UseMigrationFlowOptions,
    Pick<RootProps, "locale" | "messages" | "unstyled" | "theme" | "className"> {}

function MigrationFlowComponent({
  locale,
  messages,
  unstyled,
  theme,
  className,
  ...options
}: MigrationFlowProps) {
  const flow = useMigrationFlow(options);
  return (
    <Root
      flow={flow}
      locale={locale}
      messages={messages}
      unstyled={unstyled}
      theme={theme}
      className={className}
    >
      <Layout />
    </Root>
  );
}

/**
 * The drop-in component: the whole migration (instructions, launch, live progress, errors with
 * remedies, templates report, summary), built only from `useMigrationFlow` and the parts below,
 * which are also available for custom layouts as `MigrationFlow.Root`, `.Steps`, `.Step`, …
 *
 * @example
 * import "@wa-migrate/react/styles.css";
 * <MigrationFlow appId="123" configId="456" bffUrl="/wa" locale="de" onComplete={(m) => track(m.id)} />
 *
 * @example
 * const flow = useMigrationFlow(options);
 * <MigrationFlow.Root flow={flow}>
 *   <MigrationFlow.Status />
 *   <MigrationFlow.Trigger />
 *   <MigrationFlow.Summary />
 * </MigrationFlow.Root>
 */
export const MigrationFlow = Object.assign(MigrationFlowComponent, {
  Root,
  Layout,
  Title,
  Status,
  Steps,
  Step,
  Trigger,
  TwoStepInstructions,
  Requirements,
  StepError,
  ErrorNotice,
  TemplatesReport,
  Summary,
});
