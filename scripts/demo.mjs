#!/usr/bin/env node
// `npm run demo` (after scripts/bootstrap.mjs has installed pnpm and the locked dependencies):
// builds the portal if needed and starts the sandbox, the BFF on PGlite and the portal on
// 127.0.0.1:4010/4020/4030; Ctrl-C stops everything. The code is apps/demo/src/server/demo-cli.ts,
// TypeScript run through tsx (Node 20 cannot run .ts itself).
import { register } from "tsx/esm/api";

register();
await import("../apps/demo/src/server/demo-cli.ts");
