import type { Language } from '../../../shared/common.ts';
import { hourOf, joinList, longDate, numberedLines } from './governance.text.ts';

// The first text of an activity report, filled from TEMPLATES with the fields of its meeting or work-plan
// activity: fixed sentences with blanks, never generated prose. The organization then edits it.

export interface MeetingReportSource {
  title: string;
  heldOn: string;
  /** 'HH:mm' or null. */
  startsAt: string | null;
  endsAt: string | null;
  place: string;
  chair: string | null;
  /** The organizer's name. */
  organizerName: string;
  /** The attendees marked present, in their order. */
  present: { name: string; jobTitle: string | null; organizationName: string | null }[];
  /** Agenda titles in order. */
  agenda: string[];
  /** Decisions in order. */
  decisions: string[];
}

export interface ActivityReportSourceFields {
  title: string;
  startsOn: string;
  endsOn: string;
  location: string | null;
  description: string | null;
  responsibleName: string;
  workPlanTitle: string;
  agreementTitle: string | null;
}

export interface ReportDraft {
  title: string;
  heldOn: string;
  place: string | null;
  participants: string | null;
  summary: string | null;
  decisions: string | null;
}

const clean = (value: string | null | undefined) => value?.trim() || null;

/** One participant line: "Name — Job title, Organization" (the parts there are). */
function participantLine(attendee: MeetingReportSource['present'][number]): string {
  const role = [clean(attendee.jobTitle), clean(attendee.organizationName)].filter(Boolean).join(', ');
  return role ? `${attendee.name.trim()} — ${role}` : attendee.name.trim();
}

/**
 * Who attended, by job title and organization: the job titles (the name when there is none) of each
 * organization, in order of first appearance, e.g. "Kepala Lapas dan Kepala Seksi Binadik (Lapas Perempuan
 * Kelas IIA Semarang)". Duplicate titles within an organization are named once.
 */
export function attendedBy(present: MeetingReportSource['present'], language: Language): string[] {
  const groups = new Map<string, string[]>();
  for (const attendee of present) {
    const organization = clean(attendee.organizationName) ?? '';
    const title = clean(attendee.jobTitle) ?? attendee.name.trim();
    const titles = groups.get(organization) ?? [];
    if (!titles.includes(title)) titles.push(title);
    groups.set(organization, titles);
  }
  return [...groups].map(([organization, titles]) => {
    const who = joinList(titles, language);
    return organization ? `${who} (${organization})` : who;
  });
}

/** "(1) A; (2) B; dan (3) C": agenda titles keep their capitals, so they are listed, not run into the sentence. */
function agendaList(agenda: string[], language: Language): string {
  const items = agenda.map((title, index) => `(${index + 1}) ${title.trim()}`);
  if (items.length === 1) return items[0] as string;
  const and = language === 'id' ? 'dan' : 'and';
  return `${items.slice(0, -1).join('; ')}; ${and} ${items[items.length - 1]}`;
}

function timeClause(startsAt: string | null, endsAt: string | null, language: Language): string {
  if (!startsAt) return '';
  if (language === 'id')
    return endsAt ? `, pukul ${hourOf(startsAt)}–${hourOf(endsAt)} WIB` : `, pukul ${hourOf(startsAt)} WIB`;
  return endsAt ? `, from ${startsAt} to ${endsAt} (WIB)` : `, at ${startsAt} (WIB)`;
}

/** The report of a meeting: its particulars, the attendees present, the agenda and the decisions. */
export function meetingReport(source: MeetingReportSource, language: Language): ReportDraft {
  const when = `${longDate(source.heldOn, language)}${timeClause(source.startsAt, source.endsAt, language)}`;
  const sentences: string[] = [];
  const who = attendedBy(source.present, language);
  if (language === 'id') {
    sentences.push(
      `Pada hari ${when}, bertempat di ${source.place}, ${source.organizerName} melaksanakan ${source.title}.`,
    );
    if (clean(source.chair)) sentences.push(`Rapat dipimpin oleh ${clean(source.chair)}.`);
    if (who.length) sentences.push(`Kegiatan dihadiri oleh ${joinList(who, language)}.`);
    if (source.agenda.length) sentences.push(`Agenda yang dibahas: ${agendaList(source.agenda, language)}.`);
  } else {
    sentences.push(`On ${when}, at ${source.place}, ${source.organizerName} held ${source.title}.`);
    if (clean(source.chair)) sentences.push(`The meeting was chaired by ${clean(source.chair)}.`);
    if (who.length) sentences.push(`It was attended by ${joinList(who, language)}.`);
    if (source.agenda.length) sentences.push(`The agenda: ${agendaList(source.agenda, language)}.`);
  }
  return {
    title: source.title,
    heldOn: source.heldOn,
    place: source.place,
    participants: numberedLines(source.present.map(participantLine)) || null,
    summary: sentences.join(' '),
    decisions: numberedLines(source.decisions) || null,
  };
}

/** The report of a work-plan activity: when, where, who carried it out, and the plan it belongs to. */
export function activityReport(source: ActivityReportSourceFields, language: Language): ReportDraft {
  const range =
    source.endsOn !== source.startsOn
      ? `${longDate(source.startsOn, language)} ${language === 'id' ? 'sampai dengan' : 'to'} ${longDate(source.endsOn, language)}`
      : longDate(source.startsOn, language);
  const location = clean(source.location);
  const sentences: string[] = [];
  if (language === 'id') {
    sentences.push(
      `Pada hari ${range}${location ? `, bertempat di ${location}` : ''}, ${source.responsibleName} melaksanakan ${source.title}.`,
    );
    sentences.push(
      `Kegiatan ini merupakan bagian dari ${source.workPlanTitle}${
        source.agreementTitle ? ` dalam rangka pelaksanaan ${source.agreementTitle}` : ''
      }.`,
    );
  } else {
    sentences.push(
      `On ${range}${location ? `, at ${location}` : ''}, ${source.responsibleName} carried out ${source.title}.`,
    );
    sentences.push(
      `The activity is part of ${source.workPlanTitle}${
        source.agreementTitle ? `, implementing ${source.agreementTitle}` : ''
      }.`,
    );
  }
  const description = clean(source.description);
  return {
    title: source.title,
    heldOn: source.startsOn,
    place: location,
    participants: numberedLines([source.responsibleName]),
    summary: `${sentences.join(' ')}${description ? `\n\n${description}` : ''}`,
    decisions: null,
  };
}
