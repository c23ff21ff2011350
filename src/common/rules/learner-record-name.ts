// The file name a holder's Comprehensive Learner Record downloads as: `MT1-learner-record-<name>.json`,
// the name in plain ASCII letters, digits and hyphens, so it survives every file system and mail
// attachment; a name with nothing left of it is "holder".

/** "Zoë O'Brien-Núñez" → "MT1-learner-record-Zoe-OBrien-Nunez.json". */
export function learnerRecordFileName(programCode: string, firstName: string, lastName: string): string {
  const name = `${firstName} ${lastName}`
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '')
  return `${programCode}-learner-record-${name || 'holder'}.json`
}
