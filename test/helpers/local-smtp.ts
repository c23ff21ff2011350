// A local SMTP server for tests: accepts every message, or refuses the first few with a temporary
// error (451), as a mail server under load does. It keeps what it accepted.
import net from 'node:net'

export interface LocalSmtp {
  url: string
  accepted: string[]
  /** How many messages it refused. */
  refused: () => number
  close(): Promise<void>
}

export async function startLocalSmtp(refuseFirst = 0): Promise<LocalSmtp> {
  let refusals = 0
  const accepted: string[] = []
  const server = net.createServer((socket) => {
    socket.write('220 localhost ESMTP test\r\n')
    let buffer = ''
    let inData = false
    let body = ''
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8')
      for (let end = buffer.indexOf('\r\n'); end >= 0; end = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        if (inData) {
          if (line !== '.') {
            body += `${line}\n`
            continue
          }
          inData = false
          if (refusals < refuseFirst) {
            refusals++
            socket.write('451 4.3.0 try again later\r\n')
          } else {
            accepted.push(body)
            socket.write('250 2.0.0 queued\r\n')
          }
          body = ''
          continue
        }
        const command = line.slice(0, 4).toUpperCase()
        if (command === 'EHLO' || command === 'HELO') socket.write('250 localhost\r\n')
        else if (command === 'DATA') {
          inData = true
          socket.write('354 end with .\r\n')
        } else if (command === 'QUIT') {
          socket.write('221 bye\r\n')
          socket.end()
        } else socket.write('250 ok\r\n')
      }
    })
    socket.on('error', () => undefined)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  return {
    url: `smtp://127.0.0.1:${port}`,
    accepted,
    refused: () => refusals,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
