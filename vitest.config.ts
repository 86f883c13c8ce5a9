import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["pipeline/**/*.test.ts", "extractors/**/*.test.ts", "scripts/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
