import { describe, expect, it } from 'vitest'
import { craftZip, deflatedZeros, honest } from '../../../../test/helpers/crafted-zip.js'
import {
  exportAssetPath, exportFolder, exportItemPath, isCleanPackagePath, PACKAGE_LIMITS, PackageError, packageFiles, readManifest, readZip, readZipAsync, zipFiles,
  type PackageFiles,
} from './package.js'

/** Both readers must agree: the CLI's synchronous one and the server's. */
async function bothRefuse(zip: Buffer, message: RegExp) {
  expect(() => readZip(zip)).toThrow(message)
  await expect(readZipAsync(zip)).rejects.toThrow(message)
  await expect(readZipAsync(zip)).rejects.toBeInstanceOf(PackageError)
}

describe('reading zips with a cap on actual bytes', () => {
  it('reads what fflate writes and what it crafts honestly, with the same bytes', async () => {
    const files: PackageFiles = new Map([['imsmanifest.xml', Buffer.from('<manifest/>')], ['items/a.xml', Buffer.from('<a/>'.repeat(1000))], ['empty.txt', Buffer.alloc(0)]])
    for (const zip of [zipFiles(files), craftZip([...files].map(([name, data]) => honest(name, data)))]) {
      for (const read of [readZip(zip), await readZipAsync(zip)]) {
        expect([...read.keys()].sort()).toEqual([...files.keys()].sort())
        for (const [name, data] of files) expect(read.get(name)!.equals(data), name).toBe(true)
      }
    }
    const stored = craftZip([{ name: 'plain.txt', stored: Buffer.from('hello'), method: 0, declaredSize: 5 }])
    expect(readZip(stored).get('plain.txt')!.toString()).toBe('hello')
  })

  it('stops an entry whose headers understate its size as soon as it inflates past them', async () => {
    // Local and central headers both say 100 bytes; the data inflates to 300 MB.
    const bomb = craftZip([{ name: 'items/bomb.xml', stored: deflatedZeros(300 * 1024 * 1024), method: 8, declaredSize: 100 }])
    expect(bomb.length).toBeLessThan(1024 * 1024)
    await bothRefuse(bomb, /bomb\.xml inflates to more than its header says \(100 bytes\)/)
  })

  it('stops a lie that stays under the file limit in its header but not in its data', async () => {
    const bomb = craftZip([{ name: 'x.svg', stored: deflatedZeros(PACKAGE_LIMITS.fileBytes * 3), method: 8, declaredSize: PACKAGE_LIMITS.fileBytes - 1 }])
    await bothRefuse(bomb, /inflates to more than its header says/)
  })

  it('refuses an entry that inflates to less than its header says', async () => {
    const short = craftZip([{ ...honest('a.xml', 'abc'), declaredSize: 10 }])
    await bothRefuse(short, /headers do not match the content of a\.xml/)
  })

  it('refuses honest headers that declare more than a package may hold, before inflating', async () => {
    await bothRefuse(craftZip([{ name: 'big.xml', stored: deflatedZeros(10), method: 8, declaredSize: PACKAGE_LIMITS.fileBytes + 1 }]), /big\.xml is larger than 10 MB/)
    // Overlapping entries: 25 central entries sharing one 9 MB entry's data (a "better zip bomb").
    const nine = 9 * 1024 * 1024
    const shared = [{ name: 'f0', stored: deflatedZeros(nine), method: 8, declaredSize: nine }, ...Array.from({ length: 24 }, (_, i) => ({ name: `f${i + 1}`, stored: Buffer.alloc(0), method: 8, declaredSize: nine, sameDataAs: 0 }))]
    await bothRefuse(craftZip(shared), /expands to more than a package may/)
  })

  it('refuses encrypted entries, other methods, zip64 markers, duplicates, climbing paths and damage', async () => {
    await bothRefuse(craftZip([{ ...honest('a.xml', 'x'), flags: 1 }]), /encrypted/)
    await bothRefuse(craftZip([{ ...honest('a.xml', 'x'), method: 12 }]), /compression method 12/)
    await bothRefuse(craftZip([{ ...honest('a.xml', 'x'), declaredSize: 0xffffffff }]), /ZIP64/)
    await bothRefuse(craftZip([honest('a.xml', 'x'), honest('a.xml', 'y')]), /holds a\.xml twice/)
    await bothRefuse(craftZip([honest('../../etc/passwd', 'x')]), /climbs out/)
    await bothRefuse(Buffer.from('not a zip at all'), /not a readable zip/)
    const cut = craftZip([honest('a.xml', 'x'.repeat(5000))])
    await bothRefuse(Buffer.concat([cut.subarray(0, 40), cut.subarray(cut.length - 22 - 46 - 5)]), /not a readable zip/)
  })
})

describe('export paths', () => {
  it('names files after portable identifiers and hashes anything else', () => {
    const folder = exportFolder('operational', 'ELEC')
    expect(folder).toBe('operational/ELEC')
    expect(exportFolder('practice', '../x')).toBe('practice/UNCLASSIFIED')
    expect(exportFolder('../../etc', null)).toBe('operational/UNCLASSIFIED')
    expect(exportItemPath(folder, 'MT1-ELEC-001')).toBe('operational/ELEC/MT1-ELEC-001.xml')
    for (const hostile of ['../../x', '..', 'a/b', 'a\\b', 'C:evil', 'Übung', 'x\u0000y']) {
      const p = exportItemPath(folder, hostile)
      expect(p, hostile).toMatch(/^operational\/ELEC\/item-[a-f0-9]{16}\.xml$/)
      expect(isCleanPackagePath(p)).toBe(true)
    }
    expect(exportAssetPath(folder, 'figures/a.svg', 'a'.repeat(64))).toBe('operational/ELEC/figures/a.svg')
    expect(exportAssetPath(folder, '../../../etc/passwd', 'b'.repeat(64))).toBe(`operational/ELEC/figures/${'b'.repeat(64)}`)
    expect(exportAssetPath(folder, 'a\\..\\..\\x', 'c'.repeat(64))).toBe(`operational/ELEC/figures/${'c'.repeat(64)}`)
  })

  it('never writes a path that climbs out, even when given one, and the package reads back', async () => {
    const files = packageFiles([{
      identifier: '../../x', path: 'operational/ELEC/../../../x.xml', xml: '<x/>', metadata: { pool: 'operational' },
      assets: [{ path: '../figure.svg', bytes: Buffer.from('<svg/>') }],
    }])
    for (const p of files.keys()) expect(isCleanPackagePath(p), p).toBe(true)
    const manifest = readManifest(files.get('imsmanifest.xml')!.toString())
    expect(manifest.resources).toHaveLength(1)
    expect(manifest.resources[0]!.href).toMatch(/^operational\/UNCLASSIFIED\/item-[a-f0-9]{16}\.xml$/)
    expect(files.has(manifest.resources[0]!.href)).toBe(true)
    expect((await readZipAsync(zipFiles(files))).size).toBe(files.size)
  })
})
