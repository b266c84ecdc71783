import { z } from 'zod';
import { PageQuery, pageOf } from './common.ts';

// In-app notifications (issue 7): one row per recipient, written by the module where something happened
// (notify() in the server's notifications module). A row never holds a name: the person's name is joined
// when listed, and only when the reader may see her at that moment (a withdrawn consent hides it at once);
// when she may not, the item carries neither the person's id nor the link, only the kind and its params.
// Listing is audited (notification.listed, details.shown = the ids whose name was returned).
// When SMTP is configured, an e-mail without personal data ("Ada pemberitahuan baru di Sinergi: <kind>")
// is sent after the change commits.
//
// Known kinds and their params (the web labels them in the `tasks` namespace; an unknown kind shows a
// generic label):
// - handover_sent (to the Bapas heads): { organizationName } the sending prison; link /warga/:id?tab=pembebasan
// - handover_accepted_officer (to the PK): { organizationName } the Bapas; link /bimbingan/:id
// - handover_returned (to the sender): { organizationName } the Bapas; link /warga/:id?tab=pembebasan
// - client_coming (to the kelurahan users; no name): { date } the expected release date yyyy-mm-dd
// - escalation_report (to the Bapas heads): { level } ; link /bimbingan/:id
// Governance (issue 8), never about a person (personId null):
// - agreement_review_requested (to each party's head and delegates that has not agreed the current text):
//   { title, textVersion }; link /tata-kelola/kesepakatan/:id
// - agreement_agreed_all (to every party's staff with manage:agreement): { title }; same link
// - agreement_signed (to every party's staff): { title }; same link
// - agreement_expiring (to every party's head, delegates and the drafters): { title, days, date }; same link
// - agreement_changes_requested (to the drafting organization's staff): { title, organizationName } the party
//   that asked; link /tata-kelola/kesepakatan/:id
// - action_item_assigned (to the owner user): { title, date } the due date; link /tata-kelola/rapat/:meetingId
export const NOTIFICATION_KINDS = [
  'handover_sent',
  'handover_accepted_officer',
  'handover_returned',
  'client_coming',
  'escalation_report',
  'agreement_review_requested',
  'agreement_agreed_all',
  'agreement_signed',
  'agreement_expiring',
  'action_item_assigned',
  'agreement_changes_requested',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NotificationListQuery = PageQuery.extend({
  /** true: unread only. */
  unread: z
    .enum(['true', 'false', '1', '0'])
    .transform((value) => value === 'true' || value === '1')
    .optional(),
}).strict();
export type NotificationListQuery = z.infer<typeof NotificationListQuery>;

export const NotificationItem = z
  .object({
    id: z.uuid(),
    /** One of NOTIFICATION_KINDS, or a kind added later (show a generic label). */
    kind: z.string(),
    /** Null when there is no person, and when the reader may not see her now (then personName and link too). */
    personId: z.uuid().nullable(),
    /** Only when the reader may see the person now; otherwise null. */
    personName: z.string().nullable(),
    /** Never names: dates (yyyy-mm-dd), organization names, levels, counts. */
    params: z.record(z.string(), z.unknown()),
    /** Null when the notification is about a person the reader may not see now. */
    link: z.string().nullable(),
    createdAt: z.iso.datetime({ offset: true }),
    readAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .meta({ id: 'NotificationItem' });
export type NotificationItem = z.infer<typeof NotificationItem>;

export const NotificationList = pageOf(NotificationItem)
  .extend({ unread: z.number().int() })
  .meta({ id: 'NotificationList' });
export type NotificationList = z.infer<typeof NotificationList>;

export const UnreadCount = z.object({ unread: z.number().int() }).meta({ id: 'UnreadCount' });
export type UnreadCount = z.infer<typeof UnreadCount>;

export const NotificationParams = z.strictObject({ id: z.uuid() });

export const ReadAllResponse = z.object({ updated: z.number().int() }).meta({ id: 'ReadAllResponse' });
export type ReadAllResponse = z.infer<typeof ReadAllResponse>;
