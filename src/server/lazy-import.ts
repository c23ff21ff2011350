// Packages that only some requests or jobs use are imported on first use, not at start, so a server
// starts fast (issue 16): `const loadX = lazyImport(() => import('x'))` at the top of the module that
// needs it, then `const x = await loadX()` where it is used. The import runs once; later calls share it.
export function lazyImport<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined
  return () => (loading ??= load())
}
