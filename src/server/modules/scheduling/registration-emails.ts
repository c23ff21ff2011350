// The emails a registration sends, with an .ics calendar invitation when a seat is confirmed. Every
// time in them is the time at the center, with the zone's abbreviation and the date.
import type { DateArray } from 'ics'
import { DateTime } from 'luxon'
import { formatZonedDateTime, formatZonedRange } from '../../../common/time-zones.js'
import { lazyImport } from '../../lazy-import.js'
import { inTimeZone } from './calendar-time-zone.js'

// ics (with yup under it) loads with the first invitation made, not at start: start-up time, issue 16.
const loadIcs = lazyImport(() => import('ics'))

export interface SessionPlace {
  sessionId: string
  startsAt: string
  endsAt: string
  centerName: string
  address: string
  /** The center's IANA zone. */
  timeZone: string
}

/** "Tuesday, March 16, 2027, 9:00 AM – 1:00 PM CDT": the sitting as the center's clock reads it. */
const span = (place: SessionPlace) => formatZonedRange(place.startsAt, place.endsAt, place.timeZone)
const when = (iso: string, place: SessionPlace) => formatZonedDateTime(iso, place.timeZone)

/**
 * How far away the sitting is, in the words of the center's calendar: "today", "tomorrow", "in 2 days"
 * (a session at 9 AM the day after tomorrow is "in 2 days" whether the reminder goes at 8 AM or 8 PM).
 */
export function sittingIsIn(startsAt: string, now: Date, zone: string): string {
  const day = (t: DateTime) => t.setZone(zone).startOf('day')
  const days = Math.round(day(DateTime.fromISO(startsAt, { zone: 'utc' })).diff(day(DateTime.fromJSDate(now)), 'days').days)
  return days <= 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`
}
const utcParts = (iso: string): DateArray => {
  const d = new Date(iso)
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()]
}

/** An iCalendar event for the sitting, so the candidate's calendar has it. */
export async function calendarInvite(place: SessionPlace, modules: string[], registrationId: string): Promise<string> {
  const { createEvent } = await loadIcs()
  const { error, value } = createEvent({
    uid: `${registrationId}@mt1-certification`,
    start: utcParts(place.startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: utcParts(place.endsAt),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: `MT1 assessment: ${modules.join(', ')}`,
    location: `${place.centerName}, ${place.address}`,
    description: `${span(place)} (time at the center). Bring a government-issued photo ID. A certified proctor checks you in before the assessment starts.`,
    status: 'CONFIRMED',
    productId: 'mt1-certification/ics',
  })
  if (error || !value) throw error ?? new Error('could not build the calendar invitation')
  return inTimeZone(value, place.timeZone, place.startsAt, place.endsAt)
}

/** The line that gives the candidate their confirmation number and where the receipt is. */
const confirmationLine = (confirmation: string) => `Your confirmation number is ${confirmation}. Quote it when you contact the program; your receipt is under My registrations on your dashboard.\n`

export const registrationEmails = {
  confirmed: (name: string, place: SessionPlace, modules: string[], confirmation: string) => ({
    subject: `Your MT1 assessment is confirmed (${confirmation})`,
    text: `Hello ${name},\n\nYour seat is confirmed for ${modules.join(', ')} at ${place.centerName}, ${place.address}, on ${span(place)}.\n\n${confirmationLine(confirmation)}\nBring a government-issued photo ID. The calendar invitation is attached.\n`,
  }),
  held: (name: string, place: SessionPlace, modules: string[], holdExpiresAt: string, amount: string, confirmation: string) => ({
    subject: 'Your MT1 seat is held until payment',
    text: `Hello ${name},\n\nWe are holding a seat for you for ${modules.join(', ')} at ${place.centerName}, on ${span(place)}. The fee is ${amount}. Pay with a voucher or ask for an invoice before ${when(holdExpiresAt, place)}, or the seat goes to the next person on the waitlist.\n\n${confirmationLine(confirmation)}`,
  }),
  waitlisted: (name: string, place: SessionPlace, position: number, confirmation: string) => ({
    subject: 'You are on the waitlist for an MT1 session',
    text: `Hello ${name},\n\nThe session at ${place.centerName} on ${span(place)} is full. You are number ${position} on its waitlist; we will email you as soon as a seat frees up.\n\n${confirmationLine(confirmation)}`,
  }),
  promoted: (name: string, place: SessionPlace) => ({
    subject: 'A seat opened up: you are off the waitlist',
    text: `Hello ${name},\n\nA seat opened up in the session at ${place.centerName} on ${span(place)}, and it is yours. Check your registration on your dashboard.\n`,
  }),
  cancelled: (name: string, place: SessionPlace, why: string) => ({
    subject: 'Your MT1 registration is cancelled',
    text: `Hello ${name},\n\nYour registration for the session at ${place.centerName} on ${span(place)} is cancelled: ${why}.\n\nYou can register for another session from your dashboard.\n`,
  }),
  /** `isIn`: "tomorrow", "in 2 days" (sittingIsIn). */
  reminder: (name: string, place: SessionPlace, modules: string[], isIn: string) => ({
    subject: `Reminder: your MT1 assessment is ${isIn}`,
    text: `Hello ${name},\n\nThis is a reminder that you sit ${modules.join(', ')} ${isIn} at ${place.centerName}, ${place.address}, on ${span(place)}. Bring a government-issued photo ID.\n`,
  }),
}
