// Badge images of the credentials the program awards, served at stable URLs
// (/api/v1/badges/{code}.svg and .png) and named as the image of each Open Badges achievement. The
// PNG is rendered from the SVG by resvg (no browser, no network) once per code and kept in memory.
import { achievementCodes, achievementOf, type AchievementSource } from '../../../common/program/achievement.js'
import { lazyImport } from '../../lazy-import.js'
import { badgeSvg } from './badge-svg.js'

// resvg (a native renderer) loads with the first PNG asked for, not at start: start-up time, issue 16.
const loadResvg = lazyImport(() => import('@resvg/resvg-js'))

export const BADGE_PNG_SIZE = 600

export function createBadges(program: AchievementSource) {
  const svgs = new Map(achievementCodes(program).map((code) => {
    const a = achievementOf(program, code)!
    return [code, badgeSvg({ code, name: a.name, kind: a.achievementType })]
  }))
  const pngs = new Map<string, Buffer>()

  return {
    codes: [...svgs.keys()],
    svg(code: string): string | undefined {
      return svgs.get(code)
    },
    async png(code: string): Promise<Buffer | undefined> {
      const svg = svgs.get(code)
      if (!svg) return undefined
      let png = pngs.get(code)
      if (!png) {
        const { Resvg } = await loadResvg()
        const rendered = new Resvg(svg, { fitTo: { mode: 'width', value: BADGE_PNG_SIZE }, font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render()
        pngs.set(code, (png = Buffer.from(rendered.asPng())))
      }
      return png
    },
  }
}

export type Badges = ReturnType<typeof createBadges>
