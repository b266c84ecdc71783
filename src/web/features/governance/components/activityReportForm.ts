import type { ActivityReport, UpdateActivityReportRequest } from '../../../../shared/governance.ts';
import { formatDate } from '../../../lib/format.ts';

/** The editable report as the form holds it (texts never null; the date `yyyy-mm-dd` or null while empty). */
export interface ActivityReportFormValues {
  title: string;
  heldOn: string | null;
  place: string;
  participants: string;
  summary: string;
  decisions: string;
}

export function activityReportFormValues(
  report: Pick<ActivityReport, 'title' | 'heldOn' | 'place' | 'participants' | 'summary' | 'decisions'>,
): ActivityReportFormValues {
  return {
    title: report.title,
    heldOn: report.heldOn,
    place: report.place ?? '',
    participants: report.participants ?? '',
    summary: report.summary ?? '',
    decisions: report.decisions ?? '',
  };
}

/** The whole report to save with the version read (empty texts become null on the server). */
export function activityReportRequest(
  values: ActivityReportFormValues,
  version: number,
): UpdateActivityReportRequest {
  return {
    version,
    title: values.title.trim(),
    heldOn: values.heldOn ?? '',
    place: values.place.trim() || null,
    participants: values.participants.trim() || null,
    summary: values.summary.trim() || null,
    decisions: values.decisions.trim() || null,
  };
}

export interface PlainTextLabels {
  date: string;
  place: string;
  participants: string;
  summary: string;
  decisions: string;
}

/** Line breaks of any system as `\n`, trailing spaces and surplus blank lines removed. */
function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * The report as plain text for publication (a press release, a social-media post): the title, the date
 * (dd/mm/yyyy) and place, then each filled section under its label, separated by blank lines. Nothing is
 * added that the report does not say; empty sections are left out.
 */
export function activityReportPlainText(values: ActivityReportFormValues, labels: PlainTextLabels): string {
  const blocks: string[] = [];
  const title = tidy(values.title);
  if (title) blocks.push(title);
  const facts: string[] = [];
  if (values.heldOn) facts.push(`${labels.date}: ${formatDate(values.heldOn)}`);
  const place = tidy(values.place);
  if (place) facts.push(`${labels.place}: ${place}`);
  if (facts.length > 0) blocks.push(facts.join('\n'));
  for (const [label, text] of [
    [labels.participants, values.participants],
    [labels.summary, values.summary],
    [labels.decisions, values.decisions],
  ] as const) {
    const body = tidy(text);
    if (body) blocks.push(`${label}:\n${body}`);
  }
  return blocks.join('\n\n');
}
