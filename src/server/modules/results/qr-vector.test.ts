import QRCode from 'qrcode'
import { describe, expect, it } from 'vitest'
import { qrRuns } from './qr-vector.js'

describe('qrRuns', () => {
  it('covers exactly the dark modules of the code, each once', async () => {
    const text = 'http://mt1.test/registry/MT1-ABCDE-FGHJK-2'
    const { size, runs } = await qrRuns(text)
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' })
    expect(size).toBe(modules.size)
    const painted = new Set<string>()
    for (const [col, row, length] of runs) {
      expect(length).toBeGreaterThan(0)
      for (let c = col; c < col + length; c++) {
        expect(painted.has(`${row},${c}`)).toBe(false)
        painted.add(`${row},${c}`)
      }
    }
    for (let r = 0; r < size; r++) for (let c = 0; c < size; c++) expect(painted.has(`${r},${c}`)).toBe(modules.get(r, c) === 1)
  })
})
