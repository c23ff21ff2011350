// LinkedIn's "Add to profile" link for a certification: LinkedIn opens its certification form with
// these fields filled in (startTask=CERTIFICATION_NAME and its documented parameters). The holder
// still confirms on LinkedIn; nothing is sent to LinkedIn until they follow the link.

export const LINKEDIN_ADD_TO_PROFILE = 'https://www.linkedin.com/profile/add'

export interface LinkedInCertification {
  /** The certification's name, as the credential names it. */
  name: string
  organizationName: string
  /** YYYY-MM-DD */
  issuedOn: string
  /** YYYY-MM-DD, or null when it does not expire. */
  expiresOn: string | null
  /** The credential's public page, where LinkedIn's readers can check it. */
  certUrl: string
  /** The certificate number. */
  certId: string
}

/** Year and month (1-12, no leading zero) of a calendar date. */
function yearMonth(date: string): { year: string; month: string } {
  const [year = '', month = ''] = date.split('-')
  return { year, month: String(Number(month)) }
}

export function linkedInAddToProfileUrl(cert: LinkedInCertification): string {
  const issued = yearMonth(cert.issuedOn)
  const params = new URLSearchParams({
    startTask: 'CERTIFICATION_NAME',
    name: cert.name,
    organizationName: cert.organizationName,
    issueYear: issued.year,
    issueMonth: issued.month,
  })
  if (cert.expiresOn) {
    const expires = yearMonth(cert.expiresOn)
    params.set('expirationYear', expires.year)
    params.set('expirationMonth', expires.month)
  }
  params.set('certUrl', cert.certUrl)
  params.set('certId', cert.certId)
  return `${LINKEDIN_ADD_TO_PROFILE}?${params.toString()}`
}
