// npm run bench -- <name>: runs one benchmark from this folder.
const benches: Record<string, () => Promise<{ run(): Promise<void> }>> = {
  program: () => import('./program.js'),
  assemble: () => import('./assemble.js'),
  register: () => import('./register.js'),
  delivery: () => import('./delivery.js'),
  rescore: () => import('./rescore.js'),
  registry: () => import('./registry.js'),
  psychometrics: () => import('./psychometrics.js'),
  startup: () => import('./startup.js'),
}

const name = process.argv[2]
const loader = name ? benches[name] : undefined
if (!loader) {
  console.error(`Usage: npm run bench -- <name>\nBenchmarks: ${Object.keys(benches).join(', ')}`)
  process.exit(2)
}
await (await loader()).run()
