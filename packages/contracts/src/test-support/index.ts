export * from "./meta-artefacts.js";
