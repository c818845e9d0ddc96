import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 20000,
    // Most tests wait on the command line they started, so a test file for every core keeps
    // the cores busy (the default leaves one free, which on two cores runs files one by one).
    maxWorkers: Math.max(2, availableParallelism()),
    // Each test file sets up what it needs (a temporary folder, the built command line); none
    // leans on a fresh module registry, so the workers keep theirs between files.
    isolate: false,
  },
});
