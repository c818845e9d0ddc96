import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 20000,
    // Most tests wait on the command line they started, so a test file for every core keeps
    // the cores busy (the default leaves one free, which on two cores runs files one by one).
    maxWorkers: Math.max(2, availableParallelism()),
  },
});
