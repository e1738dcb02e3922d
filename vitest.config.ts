import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Tests create their own temporary databases and servers on 127.0.0.1; none reach the network.
    env: { TZ: "UTC", BAOCAO_LOG_LEVEL: "silent" },
  },
});
