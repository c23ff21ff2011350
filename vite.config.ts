import { defineConfig, type ProxyOptions } from "vite";
import react from "@vitejs/plugin-react";

// The web app lives in src/web and is built into dist/web, which the Fastify server serves in production.
// In development Vite proxies the API (and /metrics) to the server on port 3000.
const apiTarget = "http://localhost:3000";

// src/web/api/*.ts are served by Vite at /api/*.ts in development, which the "/api" prefix would
// otherwise send to the server: let Vite answer for the web app's own source modules.
const apiProxy: ProxyOptions = {
  target: apiTarget,
  bypass: (req) => (/^\/api\/[^?]*\.tsx?(\?|$)/.test(req.url ?? "") ? req.url : undefined),
};

export default defineConfig({
  root: "src/web",
  plugins: [react()],
  build: {
    outDir: "../../dist/web",
    emptyOutDir: true,
  },
  server: {
    port: 5173,
    proxy: {
      "/api": apiProxy,
      "/metrics": apiTarget,
    },
  },
  preview: {
    proxy: {
      "/api": apiTarget,
      "/metrics": apiTarget,
    },
  },
});
