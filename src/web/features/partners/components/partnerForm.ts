import type {
  CreatePartnerRequest,
  PartnerDetail,
  PartnerType,
  PartnerWillingness,
  UpdatePartnerRequest,
} from '../../../../shared/partners.ts';
import type { SECTORS } from '../../../../shared/people.ts';

type Sector = (typeof SECTORS)[number];

export interface ContactRow {
  /** A stable React key. */
  key: string;
  name: string;
  position: string;
  phone: string;
  email: string;
}

/** The partner form's values: text inputs hold '' where the API takes null. */
export interface PartnerFormValues {
  name: string;
  shortName: string;
  type: PartnerType | null;
  sectors: Sector[];
  villageId: string | null;
  address: string;
  phone: string;
  email: string;
  description: string;
  contacts: ContactRow[];
  willingToEmploy: PartnerWillingness;
  willingnessNote: string;
  agreementNumber: string;
  agreementSignedOn: string | null;
  agreementExpiresOn: string | null;
}

function rowKey(): string {
  return Math.random().toString(36).slice(2);
}

export const newContactRow = (): ContactRow => ({
  key: rowKey(),
  name: '',
  position: '',
  phone: '',
  email: '',
});

/** Empty for a new partner (in the officer's kelurahan when she works in one). */
export function partnerFormValues(
  partner: PartnerDetail | null,
  defaults: { villageId?: string | null } = {},
): PartnerFormValues {
  if (!partner) {
    return {
      name: '',
      shortName: '',
      type: null,
      sectors: [],
      villageId: defaults.villageId ?? null,
      address: '',
      phone: '',
      email: '',
      description: '',
      contacts: [newContactRow()],
      willingToEmploy: 'unknown',
      willingnessNote: '',
      agreementNumber: '',
      agreementSignedOn: null,
      agreementExpiresOn: null,
    };
  }
  return {
    name: partner.name,
    shortName: partner.shortName ?? '',
    type: partner.type,
    sectors: [...partner.sectors],
    villageId: partner.villageId,
    address: partner.address ?? '',
    phone: partner.phone ?? '',
    email: partner.email ?? '',
    description: partner.description ?? '',
    contacts: partner.contacts.map((contact) => ({
      key: rowKey(),
      name: contact.name,
      position: contact.position ?? '',
      phone: contact.phone ?? '',
      email: contact.email ?? '',
    })),
    willingToEmploy: partner.willingToEmploy,
    willingnessNote: partner.willingnessNote ?? '',
    agreementNumber: partner.agreementNumber ?? '',
    agreementSignedOn: partner.agreementSignedOn,
    agreementExpiresOn: partner.agreementExpiresOn,
  };
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** The body of `POST /api/partners` from the form (every contact row in its place, for `contacts.1.name`). */
export function createPartnerRequest(values: PartnerFormValues): CreatePartnerRequest {
  return {
    name: values.name.trim(),
    shortName: orNull(values.shortName),
    type: values.type ?? ('' as PartnerType),
    sectors: values.sectors,
    villageId: values.villageId,
    address: orNull(values.address),
    phone: orNull(values.phone),
    email: orNull(values.email),
    description: orNull(values.description),
    contacts: values.contacts.map((row) => ({
      name: row.name.trim(),
      position: orNull(row.position),
      phone: orNull(row.phone),
      email: orNull(row.email),
    })),
    willingToEmploy: values.willingToEmploy,
    willingnessNote: orNull(values.willingnessNote),
    agreementNumber: orNull(values.agreementNumber),
    agreementSignedOn: values.agreementSignedOn || null,
    agreementExpiresOn: values.agreementExpiresOn || null,
  };
}

/**
 * The body of `PATCH /api/partners/:id`: only what changed since the form was filled, with the version read
 * (0 for a partner without a profile yet, whose first save must name its type, so the type is always sent then).
 */
export function updatePartnerRequest(
  values: PartnerFormValues,
  initial: PartnerFormValues,
  version: number,
): UpdatePartnerRequest {
  const now = createPartnerRequest(values) as Record<string, unknown>;
  const before = createPartnerRequest(initial) as Record<string, unknown>;
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(now)) {
    if (JSON.stringify(value) !== JSON.stringify(before[key])) changed[key] = value;
  }
  if (version === 0 && values.type) changed.type = values.type;
  return { ...changed, version } as UpdatePartnerRequest;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Whether a typed e-mail looks like one (the server checks it properly); empty is fine. */
export function looksLikeEmail(value: string): boolean {
  return value.trim() === '' || EMAIL.test(value.trim());
}

/** The agreement cannot end before it was signed (the server's `partner_agreement_dates`). */
export function agreementEndsBeforeSigned(
  values: Pick<PartnerFormValues, 'agreementSignedOn' | 'agreementExpiresOn'>,
): boolean {
  return Boolean(
    values.agreementSignedOn &&
      values.agreementExpiresOn &&
      values.agreementExpiresOn < values.agreementSignedOn,
  );
}

/** How a partner's agreement stands today: none, in force, not yet signed into force, or expired. */
export function agreementState(
  partner: {
    agreementNumber: string | null;
    agreementSignedOn?: string | null;
    agreementExpiresOn: string | null;
  },
  today: string,
): 'none' | 'valid' | 'notYet' | 'expired' {
  if (!partner.agreementNumber) return 'none';
  if (partner.agreementExpiresOn && partner.agreementExpiresOn < today) return 'expired';
  if (partner.agreementSignedOn && partner.agreementSignedOn > today) return 'notYet';
  return 'valid';
}
