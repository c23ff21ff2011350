// A textual progress bar on stderr: redrawn in place on a terminal (at most ten times a second),
// one line per tenth when stderr is a file or a pipe (CI logs stay readable).
export interface ProgressBar {
  update(done: number): void
  finish(): void
}

const WIDTH = 30
const fmt = (n: number) => n.toLocaleString('en-US')
const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, '0')}`

export function progressBar(total: number, unit: string, stream: NodeJS.WriteStream = process.stderr): ProgressBar {
  const started = Date.now()
  let drawnAt = 0
  let lastTenth = -1
  const line = (done: number) => {
    const share = total === 0 ? 1 : done / total
    const filled = Math.round(share * WIDTH)
    const elapsed = (Date.now() - started) / 1000
    const rate = elapsed > 0 ? done / elapsed : 0
    const eta = rate > 0 ? clock((total - done) / rate) : '?'
    return `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${String(Math.floor(share * 100)).padStart(3)}% ${fmt(done)}/${fmt(total)} ${unit}  ${fmt(Math.round(rate))}/s  elapsed ${clock(elapsed)}  left ${eta}`
  }
  return {
    update(done) {
      if (stream.isTTY) {
        if (Date.now() - drawnAt < 100 && done < total) return
        drawnAt = Date.now()
        stream.write(`\r${line(done)}\x1b[K`)
        return
      }
      const tenth = Math.floor((done / Math.max(total, 1)) * 10)
      if (tenth !== lastTenth) {
        lastTenth = tenth
        stream.write(`${line(done)}\n`)
      }
    },
    finish() {
      if (stream.isTTY) stream.write('\n')
    },
  }
}
