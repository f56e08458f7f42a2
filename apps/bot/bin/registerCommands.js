#!/usr/bin/env node
// Registers /attrib with Discord; runs the TypeScript directly.
import { register } from "tsx/esm/api";

register();
await import("../src/registerCommands.ts");
