import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app.js";
import { parseDemoConfig } from "./demo-config.js";
import "@wa-migrate/react/styles.css";
import "./demo.css";

// The portal reads its run-time configuration from the server that serves it, then renders.
const root = createRoot(document.getElementById("root") as HTMLElement);
fetch("/demo-config.json")
  .then((response) => {
    if (!response.ok) throw new Error(`/demo-config.json answered ${response.status}`);
    return response.json();
  })
  .then(parseDemoConfig)
  .then(
    (config) =>
      root.render(
        <StrictMode>
          <App config={config} />
        </StrictMode>,
      ),
    (error: unknown) =>
      root.render(
        <main className="demo-main">
          <h1>The portal could not start</h1>
          <p role="alert">
            {String(error)}. Start the demo with <code>npm run demo</code>, which serves this page
            together with its configuration.
          </p>
        </main>,
      ),
  );
