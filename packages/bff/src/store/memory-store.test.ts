import { createMemoryStore } from "./memory-store.js";
import { describeMigrationStore } from "./store-contract.js";

describeMigrationStore("memory", () => createMemoryStore());
