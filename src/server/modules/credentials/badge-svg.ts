// The badge of each credential type, drawn here (original designs): a hexagon for a module
// certificate (MM, SRMT, QBA), each with its own colour and emblem, and a notched seal with ribbon
// tails for a certification (MS, MT1). Every badge carries its accessible name in <title> and a
// <desc>, with role="img", so a screen reader names it wherever the SVG is embedded.

export interface BadgeText {
  code: string
  /** The credential's name, e.g. "Manufacturing Technician Level 1". */
  name: string
  kind: 'Certificate' | 'Certification'
}

interface Palette { fill: string; rim: string; ink: string; accent: string }

const PALETTES: Record<string, Palette> = {
  MM: { fill: '#1d4e89', rim: '#0b2545', ink: '#ffffff', accent: '#9ec5fe' },
  SRMT: { fill: '#0f766e', rim: '#064e3b', ink: '#ffffff', accent: '#99f6e4' },
  QBA: { fill: '#6b21a8', rim: '#3b0764', ink: '#ffffff', accent: '#e9d5ff' },
  MS: { fill: '#14532d', rim: '#9ca3af', ink: '#ffffff', accent: '#d1d5db' },
  MT1: { fill: '#1e3a8a', rim: '#b7862b', ink: '#ffffff', accent: '#f5d27a' },
}
const FALLBACK: Palette = { fill: '#374151', rim: '#111827', ink: '#ffffff', accent: '#d1d5db' }

const FONT = "font-family=\"'DejaVu Sans', 'Liberation Sans', Arial, sans-serif\""

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** The points of a regular polygon (or a star, when inner is given) around (200, 200). */
function polygon(points: number, outer: number, inner?: number, rotate = -90): string {
  const corners = inner ? points * 2 : points
  return Array.from({ length: corners }, (_, i) => {
    const r = inner && i % 2 === 1 ? inner : outer
    const a = ((rotate + (360 / corners) * i) * Math.PI) / 180
    return `${(200 + r * Math.cos(a)).toFixed(2)},${(200 + r * Math.sin(a)).toFixed(2)}`
  }).join(' ')
}

/** A small emblem per credential, above its code. */
function emblem(code: string, color: string): string {
  switch (code) {
    case 'MM': // a ruler with its ticks
      return `<rect x="140" y="112" width="120" height="30" rx="4" fill="none" stroke="${color}" stroke-width="5"/>` +
        Array.from({ length: 7 }, (_, i) => `<line x1="${152 + i * 16}" y1="112" x2="${152 + i * 16}" y2="${i % 2 ? 124 : 132}" stroke="${color}" stroke-width="4"/>`).join('')
    case 'SRMT': // a gear
      return `<polygon points="${polygon(10, 34, 26).replace(/([\d.]+),([\d.]+)/g, (_m, x: string, y: string) => `${x},${(Number(y) - 72).toFixed(2)}`)}" fill="${color}"/>` +
        `<circle cx="200" cy="128" r="11" fill="none" stroke="${PALETTES.SRMT!.fill}" stroke-width="6"/>`
    case 'QBA': // a check mark in a circle
      return `<circle cx="200" cy="128" r="28" fill="none" stroke="${color}" stroke-width="5"/>` +
        `<path d="M186 129 l10 10 l19 -22" fill="none" stroke="${color}" stroke-width="6" stroke-linecap="round" stroke-linejoin="round"/>`
    default: // a star for a certification
      return `<polygon points="${polygon(5, 22, 9).replace(/([\d.]+),([\d.]+)/g, (_m, x: string, y: string) => `${x},${(Number(y) - 62).toFixed(2)}`)}" fill="${color}"/>`
  }
}

export function badgeSvg(badge: BadgeText): string {
  const p = PALETTES[badge.code] ?? FALLBACK
  const title = `${badge.name} (${badge.code}) badge`
  const desc = `${badge.kind === 'Certification' ? 'Certification' : 'Module certificate'} of the Manufacturing Skills Institute's MT1 program.`
  const codeSize = badge.code.length > 3 ? 64 : 84
  const shape = badge.kind === 'Certification'
    ? `<path d="M132 280 L96 396 L138 374 L160 398 L200 300 Z" fill="${p.fill}" stroke="${p.rim}" stroke-width="4"/>` +
      `<path d="M268 280 L304 396 L262 374 L240 398 L200 300 Z" fill="${p.fill}" stroke="${p.rim}" stroke-width="4"/>` +
      `<polygon points="${polygon(32, 162, 150)}" fill="${p.rim}"/>` +
      `<circle cx="200" cy="200" r="140" fill="${p.fill}"/>` +
      `<circle cx="200" cy="200" r="128" fill="none" stroke="${p.accent}" stroke-width="3" stroke-dasharray="2 6"/>`
    : `<polygon points="${polygon(6, 176, undefined, -90)}" fill="${p.rim}"/>` +
      `<polygon points="${polygon(6, 160, undefined, -90)}" fill="${p.fill}"/>`
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400" width="400" height="400" role="img" aria-labelledby="badge-title badge-desc">` +
    `<title id="badge-title">${escapeXml(title)}</title>` +
    `<desc id="badge-desc">${escapeXml(desc)}</desc>` +
    shape +
    emblem(badge.code, p.accent) +
    `<text x="200" y="${badge.kind === 'Certification' ? 232 : 228}" text-anchor="middle" ${FONT} font-weight="bold" font-size="${codeSize}" fill="${p.ink}">${escapeXml(badge.code)}</text>` +
    `<text x="200" y="272" text-anchor="middle" ${FONT} font-weight="bold" font-size="17" letter-spacing="3" fill="${p.accent}">${badge.kind === 'Certification' ? 'CERTIFIED' : 'CERTIFICATE'}</text>` +
    `<text x="200" y="${badge.kind === 'Certification' ? 106 : 80}" text-anchor="middle" ${FONT} font-weight="bold" font-size="18" letter-spacing="4" fill="${p.ink}">MSI</text>` +
    `</svg>`
}
