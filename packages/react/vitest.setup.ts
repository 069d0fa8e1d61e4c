import "@testing-library/jest-dom/vitest";
import { setProjectAnnotations } from "@storybook/react-vite";
import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";
import * as previewAnnotations from "../../.storybook/preview.js";

setProjectAnnotations([previewAnnotations]);
afterEach(() => cleanup());
