// Writes zip archives byte by byte, so tests can make the ones no library would: headers that
// understate what an entry inflates to, entries that share their data, odd flags and methods.
import zlib from 'node:zlib'

export interface CraftedEntry {
  name: string
  /** The bytes as stored (already deflated when method is 8). */
  stored: Buffer
  method?: number
  /** The uncompressed size both headers claim. */
  declaredSize: number
  flags?: number
  /** Point this central entry at an earlier entry's local header (overlapping entries). */
  sameDataAs?: number
}

/** An entry whose headers tell the truth. */
export function honest(name: string, data: Buffer | string): CraftedEntry {
  const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data)
  return { name, stored: zlib.deflateRawSync(bytes), method: 8, declaredSize: bytes.length }
}

/**
 * `size` zero bytes as one raw deflate stream, made 8 MB at a time so the test never holds them all:
 * each piece ends with a sync flush (not the final block) and the last one closes the stream.
 */
export function deflatedZeros(size: number): Buffer {
  const piece = Buffer.alloc(Math.min(size, 8 * 1024 * 1024))
  const out: Buffer[] = []
  for (let left = size; left > 0; left -= piece.length) {
    const n = Math.min(left, piece.length)
    out.push(zlib.deflateRawSync(piece.subarray(0, n), n === left ? {} : { finishFlush: zlib.constants.Z_SYNC_FLUSH }))
  }
  return Buffer.concat(out)
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    t[n] = c
  }
  return t
})()

function crc32(b: Buffer): number {
  let c = -1
  for (let i = 0; i < b.length; i++) c = CRC_TABLE[(c ^ b[i]!) & 0xff]! ^ (c >>> 8)
  return (c ^ -1) >>> 0
}

export function craftZip(entries: CraftedEntry[]): Buffer {
  const parts: Buffer[] = []
  const central: Buffer[] = []
  const offsets: number[] = []
  let offset = 0
  for (const [i, e] of entries.entries()) {
    const name = Buffer.from(e.name, 'utf8')
    const method = e.method ?? 8
    const flags = (e.flags ?? 0) | 0x800
    const crc = crc32(e.stored)
    let localOffset = offset
    if (e.sameDataAs === undefined) {
      const local = Buffer.alloc(30)
      local.writeUInt32LE(0x04034b50, 0)
      local.writeUInt16LE(20, 4)
      local.writeUInt16LE(flags, 6)
      local.writeUInt16LE(method, 8)
      local.writeUInt32LE(crc, 14)
      local.writeUInt32LE(e.stored.length, 18)
      local.writeUInt32LE(e.declaredSize >>> 0, 22)
      local.writeUInt16LE(name.length, 26)
      parts.push(local, name, e.stored)
      offset += 30 + name.length + e.stored.length
    } else {
      localOffset = offsets[e.sameDataAs]!
    }
    offsets[i] = localOffset
    const c = Buffer.alloc(46)
    c.writeUInt32LE(0x02014b50, 0)
    c.writeUInt16LE(20, 4)
    c.writeUInt16LE(20, 6)
    c.writeUInt16LE(flags, 8)
    c.writeUInt16LE(method, 10)
    c.writeUInt32LE(crc, 16)
    c.writeUInt32LE((e.sameDataAs === undefined ? e.stored : entries[e.sameDataAs]!.stored).length, 20)
    c.writeUInt32LE(e.declaredSize >>> 0, 24)
    c.writeUInt16LE(name.length, 28)
    c.writeUInt32LE(localOffset, 42)
    central.push(c, name)
  }
  const directory = Buffer.concat(central)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...parts, directory, end])
}
