// Bundles the built server (dist/server/main.js, from tsc) into dist/bundle/, which `npm start`
// runs. A start spent most of its time loading about 1,400 small module files (TypeBox, Kysely,
// Fastify and ours): one file per entry loads in about half the time (issue 16, bench `startup`).
// The item-import parse worker is an entry of its own, beside main.js, where bounded-parse.ts looks
// for it. Packages stay outside the bundle (loaded from node_modules as before) when they are native,
// read files beside their own code at run time, start workers from their own folder, or are loaded
// only on first use anyway (lazy-import.ts): bundling those would break them or gain nothing.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

export const external = [
  // native addons
  'better-sqlite3', '@node-rs/argon2', '@resvg/resvg-js', 'pg-native',
  // read their own data files or start workers from their own folder
  'pdfkit', 'jsdom', 'dompurify', 'pino', 'thread-stream', '@fastify/swagger', '@fastify/swagger-ui',
  // loaded on first use (lazy-import.ts)
  'qrcode', '@digitalbazaar/*', 'pg-boss', 'ioredis', 'nodemailer', 'ics', '@xapi/*', 'prom-client',
]

// A bundle's chunks are named by their content: the old ones go, or the folder grows with every build.
fs.rmSync(path.join(root, 'dist', 'bundle'), { recursive: true, force: true })

await build({
  absWorkingDir: root,
  entryPoints: ['dist/server/main.js', 'dist/server/modules/item-bank/parse-worker.js'],
  outdir: 'dist/bundle',
  entryNames: '[name]',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external,
  // Bundled CommonJS packages call require(); in an ES module it has to be made.
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
  logLevel: 'warning',
})
