// Modules talk through services (DESIGN.md, convention 7): each table is named in SQL by the
// repositories of one module only, no module imports another module's repository, and no file of a
// module other than a repository builds a query. Read from the source, so a join added on another
// module's table fails here with the file and the table named.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const MODULES_DIR = path.dirname(new URL(import.meta.url).pathname)
const QUERY_CALL = /\.(selectFrom|insertInto|updateTable|deleteFrom|innerJoin|leftJoin|rightJoin|fullJoin)\(\s*['"]([a-z_]+)/g
const QUERY_BUILDER = /\.(selectFrom|insertInto|updateTable|deleteFrom)\(/
const REPOSITORY_IMPORT = /from\s+'\.\.\/([a-z-]+)\/[a-z-]+\.repository\.js'/g

interface SourceFile { module: string; file: string; text: string }

function sources(): SourceFile[] {
  return fs.readdirSync(MODULES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => fs.readdirSync(path.join(MODULES_DIR, d.name), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => ({ module: d.name, file: `${d.name}/${f}`, text: fs.readFileSync(path.join(MODULES_DIR, d.name, f), 'utf8') })))
}

const isRepository = (file: string) => file.endsWith('.repository.ts')

describe('module boundaries', () => {
  const files = sources()

  it('reads the source of every module', () => {
    expect(new Set(files.map((f) => f.module)).size).toBeGreaterThan(10)
    expect(files.filter((f) => isRepository(f.file)).length).toBeGreaterThan(15)
  })

  it('names each table in the repositories of one module only', () => {
    const modulesOf = new Map<string, Map<string, string>>()
    for (const f of files.filter((x) => isRepository(x.file))) {
      for (const [, , table] of f.text.matchAll(QUERY_CALL)) {
        const byModule = modulesOf.get(table!) ?? new Map<string, string>()
        if (!byModule.has(f.module)) byModule.set(f.module, f.file)
        modulesOf.set(table!, byModule)
      }
    }
    expect(modulesOf.size).toBeGreaterThan(20)
    const shared = [...modulesOf].filter(([, byModule]) => byModule.size > 1).map(([table, byModule]) => `${table}: ${[...byModule.values()].join(', ')}`)
    expect(shared).toEqual([])
  })

  it('imports no other module\'s repository', () => {
    const crossing = files.flatMap((f) => [...f.text.matchAll(REPOSITORY_IMPORT)].filter(([, module]) => module !== f.module).map(([line]) => `${f.file}: ${line}`))
    expect(crossing).toEqual([])
  })

  it('builds queries only in repositories', () => {
    expect(files.filter((f) => !isRepository(f.file) && QUERY_BUILDER.test(f.text)).map((f) => f.file)).toEqual([])
  })
})
